using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>One line of an incident's timeline (table <c>alert_events</c>): the incident is the alert's occurrence.</summary>
public sealed class AlertEventRecord
{
    public long Id { get; set; }

    public required string AlertId { get; set; }

    public int Occurrence { get; set; }

    public AlertEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Actor { get; set; }

    public string? Detail { get; set; }

    public static AlertEventRecord From(AlertEvent alertEvent) => new()
    {
        AlertId = alertEvent.Fingerprint.Id,
        Occurrence = alertEvent.Occurrence,
        Kind = alertEvent.Kind,
        At = alertEvent.At,
        Actor = alertEvent.Actor,
        Detail = alertEvent.Detail,
    };

    public AlertEvent ToEvent(AlertFingerprint fingerprint) => new(fingerprint, Occurrence, Kind, At, Actor, Detail);
}
