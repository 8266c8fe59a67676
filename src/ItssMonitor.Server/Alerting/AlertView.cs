using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>An alert as the API, the hub and the pages show it: its id, its fingerprint's parts and its current occurrence.</summary>
public sealed record AlertView(
    string Id,
    string Rule,
    string Service,
    string? Check,
    string? Kind,
    AlertSeverity Severity,
    AlertState State,
    int Occurrence,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastSeenAt,
    string Summary,
    IReadOnlyDictionary<string, string> Evidence,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    bool Flapping)
{
    public static AlertView From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            alert.Fingerprint.Id,
            alert.Fingerprint.Rule,
            alert.Service,
            alert.Fingerprint.Check,
            alert.Fingerprint.Kind,
            alert.Severity,
            alert.State,
            alert.Occurrence,
            alert.OpenedAt,
            alert.LastSeenAt,
            alert.Summary,
            alert.Evidence,
            alert.AcknowledgedAt,
            alert.AcknowledgedBy,
            alert.ResolvedAt,
            alert.IsFlapping);
    }
}
