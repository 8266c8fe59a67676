namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// A service update as the baseline sends it: the same fields, and so about the same JSON, as ItssMonitor's
/// <c>ServiceStatus</c> (30 trend points, one check), without using any ItssMonitor code.
/// </summary>
internal sealed record BareServiceStatus(
    string Service,
    string Team,
    string[] Tags,
    string State,
    DateTimeOffset Since,
    DateTimeOffset UpdatedAt,
    double? LatencyMs,
    double? Availability24h,
    double[] LatencyTrend,
    BareCheckStatus[] Checks);
