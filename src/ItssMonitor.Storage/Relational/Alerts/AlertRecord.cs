using System.Text.Json;
using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>
/// One row per alert fingerprint, holding everything needed to restore the Core <see cref="Alert"/> exactly
/// (flap history included), plus the fingerprint's parts as columns to filter on. <see cref="Version"/> is the
/// optimistic concurrency token: nodes sharing PostgreSQL never overwrite each other's changes.
/// </summary>
public sealed class AlertRecord
{
    public required string Id { get; set; }

    public required string Fingerprint { get; set; }

    public required string Rule { get; set; }

    public required string Service { get; set; }

    public string? Check { get; set; }

    public string? Kind { get; set; }

    public AlertSeverity Severity { get; set; }

    public AlertState State { get; set; }

    public int Occurrence { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public required string Summary { get; set; }

    /// <summary>The evidence as a JSON object, keys sorted so equal evidence is equal text.</summary>
    public required string Evidence { get; set; }

    public DateTimeOffset? LastNotifiedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public bool IsFlapping { get; set; }

    /// <summary>The re-opening times within the flap window, as a JSON array of Unix milliseconds.</summary>
    public required string RecentReopenings { get; set; }

    public int Version { get; set; }

    public static AlertRecord From(Alert alert) => new()
    {
        Id = alert.Fingerprint.Id,
        Fingerprint = alert.Fingerprint.Value,
        Rule = alert.Fingerprint.Rule,
        Service = alert.Service,
        Check = alert.Fingerprint.Check,
        Kind = alert.Fingerprint.Kind,
        Severity = alert.Severity,
        State = alert.State,
        Occurrence = alert.Occurrence,
        OpenedAt = alert.OpenedAt,
        LastSeenAt = alert.LastSeenAt,
        Summary = alert.Summary,
        Evidence = JsonSerializer.Serialize(new SortedDictionary<string, string>(alert.Evidence.ToDictionary(), StringComparer.Ordinal)),
        LastNotifiedAt = alert.LastNotifiedAt,
        AcknowledgedAt = alert.AcknowledgedAt,
        AcknowledgedBy = alert.AcknowledgedBy,
        ResolvedAt = alert.ResolvedAt,
        IsFlapping = alert.IsFlapping,
        RecentReopenings = JsonSerializer.Serialize(alert.RecentReopenings.Select(at => at.ToUnixTimeMilliseconds())),
    };

    public Alert ToAlert() => new()
    {
        Fingerprint = AlertFingerprint.FromValue(Fingerprint),
        Service = Service,
        Severity = Severity,
        State = State,
        Occurrence = Occurrence,
        OpenedAt = OpenedAt,
        LastSeenAt = LastSeenAt,
        Summary = Summary,
        Evidence = JsonSerializer.Deserialize<Dictionary<string, string>>(Evidence) ?? [],
        LastNotifiedAt = LastNotifiedAt,
        AcknowledgedAt = AcknowledgedAt,
        AcknowledgedBy = AcknowledgedBy,
        ResolvedAt = ResolvedAt,
        IsFlapping = IsFlapping,
        RecentReopenings = [.. (JsonSerializer.Deserialize<long[]>(RecentReopenings) ?? []).Select(DateTimeOffset.FromUnixTimeMilliseconds)],
    };

    /// <summary>
    /// Whether <paramref name="other"/> holds the same alert in the same state, the version and last-seen time aside:
    /// an alert only seen again is worth a row update, not an announcement.
    /// </summary>
    public bool SameAs(AlertRecord other) =>
        Fingerprint == other.Fingerprint && Service == other.Service && Severity == other.Severity && State == other.State &&
        Occurrence == other.Occurrence && OpenedAt == other.OpenedAt && Summary == other.Summary &&
        Evidence == other.Evidence && LastNotifiedAt == other.LastNotifiedAt && AcknowledgedAt == other.AcknowledgedAt &&
        AcknowledgedBy == other.AcknowledgedBy && ResolvedAt == other.ResolvedAt && IsFlapping == other.IsFlapping &&
        RecentReopenings == other.RecentReopenings;
}
