namespace ItssMonitor.Core.Samples;

/// <summary>
/// One measurement of one check: the row behind InfluxDB's <c>check_result</c> measurement.
/// Timestamps are kept to the millisecond, the precision every store writes.
/// </summary>
public sealed record CheckSample(
    string Service,
    string Check,
    string Kind,
    string Location,
    DateTimeOffset Timestamp,
    bool Up,
    double? LatencyMs = null,
    int? StatusCode = null,
    string? Error = null);
