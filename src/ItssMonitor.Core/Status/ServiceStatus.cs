namespace ItssMonitor.Core.Status;

/// <summary>
/// What the wall shows of one service: its rolled-up state since when, the slowest check's latest
/// latency, availability over the last 24 hours (null before any sample), a short latency trend, and its checks.
/// </summary>
public sealed record ServiceStatus(
    string Service,
    string Team,
    IReadOnlyList<string> Tags,
    ServiceState State,
    DateTimeOffset Since,
    DateTimeOffset UpdatedAt,
    double? LatencyMs,
    double? Availability24h,
    IReadOnlyList<double> LatencyTrend,
    IReadOnlyList<CheckStatus> Checks)
{
    /// <summary>The name of the maintenance window that makes the state <see cref="ServiceState.Maintenance"/>; null outside maintenance.</summary>
    public string? MaintenanceWindow { get; init; }
}
