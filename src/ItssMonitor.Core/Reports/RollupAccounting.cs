using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Reports;

/// <summary>
/// The accounting of the hours past raw retention, from hourly rollups: sample-based, so each hour's time outside
/// maintenance is down in the share of its samples that failed, and an hour without a rollup is missing data.
/// </summary>
public static class RollupAccounting
{
    /// <param name="rollups">The service's rollups (every check and location) of the hours in <paramref name="range"/>.</param>
    public static ServiceAccounting Account(IReadOnlyList<HourlyRollup> rollups, TimeWindow range, IReadOnlyList<TimeWindow> maintenance)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        ArgumentNullException.ThrowIfNull(maintenance);
        var byHour = rollups.GroupBy(rollup => rollup.Hour).ToDictionary(hour => hour.Key, hour => (Count: hour.Sum(r => r.Count), Up: hour.Sum(r => r.UpCount)));
        TimeSpan inMaintenance = TimeSpan.Zero, missingData = TimeSpan.Zero, downtime = TimeSpan.Zero;
        var missing = new List<ReportStretch>();
        for (var hour = HourlyRollup.HourOf(range.From); hour < range.To; hour += HourlyRollup.Length)
        {
            // The range's first and last hours may be partial: only their part inside it counts.
            var from = hour > range.From ? hour : range.From;
            var to = hour + HourlyRollup.Length < range.To ? hour + HourlyRollup.Length : range.To;
            var maintained = maintenance.Select(stretch => Overlap(stretch, from, to)).Aggregate(TimeSpan.Zero, (sum, length) => sum + length);
            var rest = to - from - maintained;
            inMaintenance += maintained;
            if (byHour.TryGetValue(hour, out var counts) && counts.Count > 0)
            {
                downtime += rest * ((double)(counts.Count - counts.Up) / counts.Count);
            }
            else if (rest > TimeSpan.Zero)
            {
                missingData += rest;
                // Consecutive hours without a rollup are one stretch: a month before monitoring began is one line, not 744.
                if (missing.Count > 0 && missing[^1].To == from)
                {
                    missing[^1] = missing[^1] with { To = to };
                }
                else
                {
                    missing.Add(new ReportStretch(from, to, "no rollup"));
                }
            }
        }

        return new ServiceAccounting(range.Length, inMaintenance, missingData, downtime, [], missing);
    }

    private static TimeSpan Overlap(TimeWindow stretch, DateTimeOffset from, DateTimeOffset to)
    {
        var length = (stretch.To < to ? stretch.To : to) - (stretch.From > from ? stretch.From : from);
        return length > TimeSpan.Zero ? length : TimeSpan.Zero;
    }
}
