using Hangfire;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Sla;

/// <summary>
/// Every minute: evaluates every service with an SLA over its rolling windows, reports the burn-rate and latency
/// alerts as one verdict, and stores the evaluation for the API. A handful of bulk queries serve every service
/// (one per window and source, one per distinct maintenance stretch), so the cost hardly grows with the estate.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
[AutomaticRetry(Attempts = 0)] // the next tick evaluates afresh a minute later
public sealed partial class SlaEvaluationJob(
    ISampleStore store,
    IMonitoringConfigurationSource configurationSource,
    MaintenanceSchedule maintenance,
    IAlertSignals alerts,
    SlaStatusStore statuses,
    TimeProvider time,
    IOptions<SlaOptions> options,
    ILogger<SlaEvaluationJob> logger)
{
    public const string Id = "sla-evaluation";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var configuration = await configurationSource.GetAsync(cancellationToken);
        var policy = options.Value.Policy();
        var period = options.Value.Period;
        var services = configuration.Services.Where(service => service.Sla is not null).ToArray();
        var windows = SlaEvaluation.WindowsFor(policy, period).ToDictionary(length => length, length => new TimeWindow(now - length, now));

        var newestRollup = await store.GetNewestRollupHourAsync(cancellationToken);
        var exclusion = new MaintenanceExclusion(await maintenance.CalendarForAsync(configuration, cancellationToken), services.Select(service => service.Name), windows);
        var countsByWindow = await Task.WhenAll(windows.Select(pair => CountAsync(pair.Key, WindowSources.For(pair.Value, newestRollup), cancellationToken)));
        var countsByStretch = (await Task.WhenAll(exclusion.Stretches.Select(async stretch => (stretch, counts: await store.CountByServiceAsync(stretch, cancellationToken)))))
            .ToDictionary(pair => pair.stretch, pair => pair.counts);
        var p95 = await store.GetLatencyP95ByServiceAsync(windows[SlaEvaluation.ForecastWindow], cancellationToken);

        var evaluations = services.Select(service => SlaEvaluation.Evaluate(
                service.Name,
                service.Sla!,
                period,
                policy,
                countsByWindow.ToDictionary(
                    window => window.Length,
                    window => exclusion.Exclude(service.Name, window.Length, window.Counts.GetValueOrDefault(service.Name, WindowCounts.None), countsByStretch)),
                p95.TryGetValue(service.Name, out var latency) ? latency : null))
            .ToList();
        var firing = evaluations.SelectMany(evaluation => evaluation.Signals()).ToList();
        await alerts.ReportAsync(SlaEvaluation.RulesFor(policy), firing, cancellationToken);
        await statuses.SaveAsync(evaluations, now, cancellationToken);
        LogEvaluated(evaluations.Count, firing.Count, time.GetUtcNow() - now);
    }

    /// <summary>Counts of every service in one window: rollups for whole hours, raw samples for the rest.</summary>
    private async Task<(TimeSpan Length, IReadOnlyDictionary<string, WindowCounts> Counts)> CountAsync(TimeSpan length, WindowSources sources, CancellationToken cancellationToken)
    {
        var parts = sources.Raw.Select(raw => store.CountByServiceAsync(raw, cancellationToken)).ToList();
        if (sources.Rollups is { } rollups)
        {
            parts.Add(store.CountRollupsByServiceAsync(rollups, cancellationToken));
        }

        var total = new Dictionary<string, WindowCounts>(StringComparer.Ordinal);
        foreach (var part in await Task.WhenAll(parts))
        {
            foreach (var (service, counts) in part)
            {
                total[service] = total.GetValueOrDefault(service, WindowCounts.None) + counts;
            }
        }

        return (length, total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA evaluation: {Services} services evaluated, {Firing} alerts firing, in {Elapsed}")]
    private partial void LogEvaluated(int services, int firing, TimeSpan elapsed);
}
