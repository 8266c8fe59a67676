namespace ItssMonitor.Core.Status;

/// <summary>The current status of one check: its confirmed state since when, and its last sample.</summary>
public sealed record CheckStatus(
    string Service,
    string Check,
    string Kind,
    CheckState State,
    DateTimeOffset Since,
    DateTimeOffset? LastSampleAt,
    bool? LastUp,
    double? LatencyMs,
    string? Error);
