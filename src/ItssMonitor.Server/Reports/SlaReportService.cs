using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Reports;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Core.Statistics;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// Builds SLA reports (the read side of <c>/reports</c>, the export API and the monthly mail; inject it into a page):
/// raw samples and rollups from the sample store, incidents from the alert store, arithmetic from Core/Reports.
/// </summary>
public sealed class SlaReportService(
    ISampleStore store,
    IMonitoringConfigurationSource configurationSource,
    MaintenanceSchedule maintenance,
    AlertQueries alerts,
    TimeProvider time,
    IOptions<RetentionOptions> retention)
{
    /// <summary>How many months the trends cover, the report's own month included.</summary>
    public const int TrendMonths = 12;

    /// <summary>The monitored services' names, for a page's service picker.</summary>
    public async Task<IReadOnlyList<string>> ServiceNamesAsync(CancellationToken cancellationToken) =>
        [.. (await configurationSource.GetAsync(cancellationToken)).Services.Select(service => service.Name)];

    /// <summary>
    /// The report over <paramref name="range"/> (cut at now when it reaches into the future) for the named services,
    /// or every monitored service when none are named.
    /// </summary>
    /// <exception cref="ReportRequestException">A named service is not monitored, or the range starts in the future.</exception>
    public async Task<SlaReport> BuildAsync(TimeWindow range, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (range.From >= now)
        {
            throw new ReportRequestException("from", $"The range starts at {range.From:O}, which is not in the past yet; nothing has been measured.");
        }

        var configuration = await configurationSource.GetAsync(cancellationToken);
        var unknown = services.Where(name => configuration.FindService(name) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ReportRequestException("services", $"Not monitored: {string.Join(", ", unknown.Select(name => $"'{name}'"))}. Names are exact and comma-separated.");
        }

        var calendar = await maintenance.CalendarForAsync(configuration, cancellationToken);
        var selected = services.Count == 0 ? configuration.Services : [.. services.Distinct().Select(name => configuration.FindService(name)!)];
        var measured = new TimeWindow(range.From, range.To < now ? range.To : now);
        // Raw samples older than this may have been deleted: from the next whole hour on, every raw sample is still there.
        var rawFrom = HourlyRollup.HourOf(now - TimeSpan.FromDays(retention.Value.RawDays)) + HourlyRollup.Length;
        var trendWindow = TrendWindow(measured);
        var lines = new List<ServiceSlaReport>();
        var allRollups = new List<HourlyRollup>();
        // The incidents of every service in one read, rather than a read per service.
        var incidents = await alerts.MetricsByServiceAsync(measured.From, measured.To, cancellationToken);
        foreach (var service in selected)
        {
            var rollups = await store.GetRollupsAsync(SampleScope.ForService(service.Name), trendWindow, cancellationToken);
            allRollups.AddRange(rollups);
            var serviceIncidents = IncidentSummary.From(incidents.GetValueOrDefault(service.Name) ?? IncidentMetrics.From([]));
            lines.Add(await ServiceLineAsync(calendar, service, measured, rawFrom, rollups, serviceIncidents, cancellationToken));
        }

        return new SlaReport(
            measured.From,
            measured.To,
            now,
            ExecutiveSummary.From(lines),
            lines,
            Trend(allRollups, trendWindow),
            range.From < rawFrom ? rawFrom : null,
            ReportMethod.Describe(range.From < rawFrom ? rawFrom : null));
    }

    private async Task<ServiceSlaReport> ServiceLineAsync(
        MaintenanceCalendar calendar,
        ServiceDefinition service,
        TimeWindow range,
        DateTimeOffset rawFrom,
        IReadOnlyList<HourlyRollup> rollups,
        IncidentSummary incidents,
        CancellationToken cancellationToken)
    {
        var accounting = new ServiceAccounting(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, [], []);
        var latencies = new List<double>();
        if (range.From < rawFrom)
        {
            var past = new TimeWindow(range.From, rawFrom < range.To ? rawFrom : range.To);
            accounting += RollupAccounting.Account([.. rollups.Where(rollup => rollup.Hour >= HourlyRollup.HourOf(past.From) && rollup.Hour < past.To)], past, calendar.Overlapping(service.Name, past));
        }

        if (range.To > rawFrom)
        {
            var raw = new TimeWindow(range.From > rawFrom ? range.From : rawFrom, range.To);
            var maintenance = calendar.Overlapping(service.Name, raw);
            var from = raw.From - TimeBasedAccounting.Lookback(service);
            var timelines = new List<CheckTimeline>();
            // One check at a time: only its timeline (a segment per state change) and its latencies stay in memory.
            foreach (var check in service.Checks)
            {
                var samples = await store.GetCheckSamplesAsync(SampleScope.ForCheck(service.Name, check.Name), new TimeWindow(from, raw.To), cancellationToken);
                timelines.Add(new CheckTimeline(check, samples, raw.To));
                latencies.AddRange(samples
                    .Where(sample => sample.Timestamp >= raw.From && sample.LatencyMs is not null && !maintenance.Any(stretch => sample.Timestamp >= stretch.From && sample.Timestamp < stretch.To))
                    .Select(sample => sample.LatencyMs!.Value));
            }

            accounting += TimeBasedAccounting.Account(timelines, raw, maintenance);
        }

        latencies.Sort();
        var occurrences = calendar.Windows
            .Where(window => window.AppliesTo(service.Name))
            .SelectMany(window => window.Overlapping(range).Select(stretch => new ReportStretch(stretch.From, stretch.To, window.Name)))
            .OrderBy(stretch => stretch.From)
            .ToList();
        return ServiceSlaReport.From(
            service,
            accounting,
            occurrences,
            Percentile.NearestRank(latencies, 95),
            new IncidentFigures(incidents.Count, incidents.Acknowledged, incidents.MttaSeconds, incidents.Resolved, incidents.MttrSeconds),
            Trend(rollups, TrendWindow(range)));
    }

    /// <summary>The <see cref="TrendMonths"/> whole months up to and including the one the range ends in.</summary>
    private static TimeWindow TrendWindow(TimeWindow range)
    {
        var last = range.To.AddTicks(-1).ToUniversalTime();
        var end = new DateTimeOffset(last.Year, last.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        return new TimeWindow(end.AddMonths(-TrendMonths), end);
    }

    private static List<MonthlyAvailability> Trend(IReadOnlyList<HourlyRollup> rollups, TimeWindow window) =>
        Enumerable.Range(0, TrendMonths)
            .Select(index => window.From.AddMonths(index))
            .Select(month =>
            {
                var hours = rollups.Where(rollup => rollup.Hour >= month && rollup.Hour < month.AddMonths(1)).ToList();
                var count = hours.Sum(rollup => rollup.Count);
                return new MonthlyAvailability($"{month:yyyy-MM}", count > 0 ? 100.0 * hours.Sum(rollup => rollup.UpCount) / count : null);
            })
            .ToList();
}
