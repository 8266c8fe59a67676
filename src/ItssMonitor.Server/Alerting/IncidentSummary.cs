using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>How many incidents and how fast they were handled (<see cref="IncidentMetrics"/>), means in seconds (null: none reached that point).</summary>
public sealed record IncidentSummary(int Count, int Acknowledged, double? MttaSeconds, int Resolved, double? MttrSeconds)
{
    public static IncidentSummary From(IncidentMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new(metrics.Incidents, metrics.Acknowledged, metrics.MeanTimeToAcknowledge?.TotalSeconds, metrics.Resolved, metrics.MeanTimeToResolve?.TotalSeconds);
    }
}
