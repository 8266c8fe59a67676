namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>The check inside a <see cref="BareServiceStatus"/>, with the fields of ItssMonitor's <c>CheckStatus</c>.</summary>
internal sealed record BareCheckStatus(
    string Service,
    string Check,
    string Kind,
    string State,
    DateTimeOffset Since,
    DateTimeOffset? LastSampleAt,
    bool? LastUp,
    double? LatencyMs,
    string? Error);
