using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// A service's SLA against what was measured over a window: availability (mean of <c>up</c>, in percent)
/// against its target, and the 95th percentile latency against its objective.
/// </summary>
public sealed record SlaCompliance(
    ServiceSla? Sla,
    SampleStatistics? Measured,
    SlaVerdict Availability,
    SlaVerdict LatencyP95)
{
    /// <summary>Met only when every objective that could be measured is met; breached when any is.</summary>
    public SlaVerdict Overall => (Availability, LatencyP95) switch
    {
        _ when Sla is null => SlaVerdict.NoObjective,
        (SlaVerdict.Breached, _) or (_, SlaVerdict.Breached) => SlaVerdict.Breached,
        (SlaVerdict.NoData, _) => SlaVerdict.NoData,
        _ => SlaVerdict.Met,
    };

    public static SlaCompliance Evaluate(ServiceSla? sla, SampleStatistics? measured)
    {
        var availability = sla is null ? SlaVerdict.NoObjective
            : measured is null ? SlaVerdict.NoData
            : measured.Availability * 100 >= sla.Availability ? SlaVerdict.Met : SlaVerdict.Breached;
        var latency = sla?.LatencyP95Ms is not { } objective ? SlaVerdict.NoObjective
            : measured?.LatencyP95Ms is not { } p95 ? SlaVerdict.NoData
            : p95 <= objective ? SlaVerdict.Met : SlaVerdict.Breached;
        return new SlaCompliance(sla, measured, availability, latency);
    }
}
