namespace ItssMonitor.Core.Alerting;

/// <summary>
/// One line of an incident's timeline: an incident is one occurrence of an alert, so events belong to a
/// (<see cref="Fingerprint"/>, <see cref="Occurrence"/>) pair. <see cref="Actor"/> is who acknowledged or
/// resolved it (null when the system did).
/// </summary>
public sealed record AlertEvent(
    AlertFingerprint Fingerprint,
    int Occurrence,
    AlertEventKind Kind,
    DateTimeOffset At,
    string? Actor = null,
    string? Detail = null);
