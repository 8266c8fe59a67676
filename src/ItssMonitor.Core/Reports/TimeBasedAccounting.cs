using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;

namespace ItssMonitor.Core.Reports;

/// <summary>
/// The report's accounting of one service from raw samples: at every instant the service's state is the status
/// board's roll-up (<see cref="ServiceRollup.StateOf"/>) of its checks' <see cref="CheckTimeline"/> states. Down is
/// downtime; stale or unknown is missing data; anything else is up. Maintenance stretches count as neither.
/// </summary>
public static class TimeBasedAccounting
{
    /// <summary>How far before a range the service's samples must be read (its slowest check's <see cref="CheckTimeline.Lookback"/>).</summary>
    public static TimeSpan Lookback(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Checks.Count == 0 ? TimeSpan.Zero : service.Checks.Max(CheckTimeline.Lookback);
    }

    /// <param name="timelines">One per configured check of the service, each built from <see cref="Lookback"/> before the range.</param>
    /// <param name="maintenance">The service's maintenance stretches in the range, merged, in order.</param>
    public static ServiceAccounting Account(IReadOnlyList<CheckTimeline> timelines, TimeWindow range, IReadOnlyList<TimeWindow> maintenance)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        ArgumentNullException.ThrowIfNull(maintenance);
        var boundaries = timelines.SelectMany(timeline => timeline.Boundaries)
            .Concat(maintenance.SelectMany(stretch => new[] { stretch.From, stretch.To }))
            .Where(at => at > range.From && at < range.To)
            .Append(range.From)
            .Append(range.To)
            .Distinct()
            .Order()
            .ToList();

        var outages = new List<ReportStretch>();
        var missing = new List<ReportStretch>();
        var maintenanceIndex = 0;
        for (var i = 0; i < boundaries.Count - 1; i++)
        {
            var (from, to) = (boundaries[i], boundaries[i + 1]);
            while (maintenanceIndex < maintenance.Count && maintenance[maintenanceIndex].To <= from)
            {
                maintenanceIndex++;
            }

            if (maintenanceIndex < maintenance.Count && maintenance[maintenanceIndex].From <= from)
            {
                continue;
            }

            var state = ServiceRollup.StateOf([.. timelines.Select(timeline => timeline.StateAt(from))], latencyMs: null, sla: null);
            var stretches = state switch
            {
                ServiceState.Down => outages,
                ServiceState.Stale or ServiceState.Unknown => missing,
                _ => null,
            };
            if (stretches is null)
            {
                continue;
            }

            if (stretches.Count > 0 && stretches[^1].To == from)
            {
                stretches[^1] = stretches[^1] with { To = to };
            }
            else
            {
                stretches.Add(new ReportStretch(from, to));
            }
        }

        return new ServiceAccounting(
            range.Length,
            Total(maintenance.Select(stretch => stretch.Length)),
            Total(missing.Select(stretch => stretch.To - stretch.From)),
            Total(outages.Select(stretch => stretch.To - stretch.From)),
            outages,
            missing);
    }

    private static TimeSpan Total(IEnumerable<TimeSpan> lengths) => lengths.Aggregate(TimeSpan.Zero, (sum, length) => sum + length);
}
