namespace ItssMonitor.Core.Alerting;

/// <summary>
/// An alert as the <see cref="AlertBook"/> holds it: its current occurrence (the incident), what was last seen
/// of it, and the history that flap damping needs, which outlives occurrences. Immutable; the book replaces
/// it on every change, and a store can save and restore it as it is.
/// </summary>
public sealed record Alert
{
    public required AlertFingerprint Fingerprint { get; init; }

    public required string Service { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertState State { get; init; }

    /// <summary>1 for the first time this fingerprint fired, one more each time it fires again after resolving.</summary>
    public required int Occurrence { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyDictionary<string, string> Evidence { get; init; }

    /// <summary>The last notification of any occurrence: flap damping counts across occurrences.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public bool IsFlapping { get; init; }

    /// <summary>When it fired again after resolving, within the flap window (older times are dropped).</summary>
    public IReadOnlyList<DateTimeOffset> RecentReopenings { get; init; } = [];

    /// <summary>Whether this occurrence has had a notification yet (flap damping may have held it back).</summary>
    public bool NotifiedThisOccurrence => LastNotifiedAt is { } notified && notified >= OpenedAt;
}
