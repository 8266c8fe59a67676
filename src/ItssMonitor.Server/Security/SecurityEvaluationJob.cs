using Hangfire;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Security;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Security;

/// <summary>
/// Every minute: judges the newest TLS handshake of every tls check (certificate expiry, validity, protocol) and
/// every service's authentication failures of the last 5 minutes against its own day, and reports the verdict.
/// Three bulk queries serve the whole estate.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
[AutomaticRetry(Attempts = 0)] // the next tick judges afresh a minute later
public sealed partial class SecurityEvaluationJob(
    ISampleStore store,
    IMonitoringConfigurationSource configurationSource,
    IAlertSignals alerts,
    TimeProvider time,
    IOptions<AuthFailureOptions> options,
    ILogger<SecurityEvaluationJob> logger)
{
    public const string Id = "security-evaluation";

    /// <summary>How far back the newest handshake is looked for: a tls check probes far more often than daily.</summary>
    public static readonly TimeSpan HandshakeLookback = TimeSpan.FromDays(1);

    private static readonly IReadOnlyList<string> Rules = [.. CertificateRules.Rules, AuthFailureSpikeRule.Rule];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var configuration = await configurationSource.GetAsync(cancellationToken);
        var recent = new TimeWindow(now - AuthFailureSpikeRule.Window, now);
        var baseline = new TimeWindow(recent.From - AuthFailureSpikeRule.BaselineWindow, recent.From);
        var latest = store.GetLatestSecuritySamplesAsync(new TimeWindow(now - HandshakeLookback, now), cancellationToken);
        var current = store.SumAuthFailuresByServiceAsync(recent, cancellationToken);
        var previousDay = store.SumAuthFailuresByServiceAsync(baseline, cancellationToken);

        var firing = new List<AlertSignal>();
        foreach (var sample in await latest)
        {
            // Only checks still configured as tls are judged, with their own warnDays; a removed check's last handshake is not.
            if (configuration.FindCheck(sample.Service, sample.Check) is { Kind: CheckKinds.Tls } check)
            {
                firing.AddRange(CertificateRules.Evaluate(sample, check.WarnDays));
            }
        }

        var rule = new AuthFailureSpikeRule(options.Value.SpikeFactor, options.Value.MinimumCount, options.Value.AbsoluteThreshold);
        var day = await previousDay;
        foreach (var (service, failures) in await current)
        {
            if (rule.Evaluate(service, failures, day.GetValueOrDefault(service)) is { } spike)
            {
                firing.Add(spike);
            }
        }

        await alerts.ReportAsync(Rules, firing, cancellationToken);
        LogEvaluated(firing.Count, time.GetUtcNow() - now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Security evaluation: {Firing} alerts firing, in {Elapsed}")]
    private partial void LogEvaluated(int firing, TimeSpan elapsed);
}
