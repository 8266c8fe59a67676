namespace ItssMonitor.Core.Samples;

/// <summary>One probe run or pushed result: whether the check was up, and how fast it answered.</summary>
public sealed record CheckSample(
    string Service,
    string Check,
    string Kind,
    string Location,
    DateTimeOffset Timestamp,
    bool Up,
    double? LatencyMs = null,
    int? StatusCode = null,
    string? Error = null)
    : Sample(Service, Check, Kind, Location, Timestamp);
