using System.Globalization;
using ItssMonitor.Core.Alerting;
using Newtonsoft.Json;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// What one notification says, fixed when it is decided: the alert as it stood then, the service's team and the
/// link to its incident page. Every channel renders the same snapshot, so a webhook and an e-mail never disagree.
/// Hangfire stores it in the delivery job's arguments with Newtonsoft.Json; the derived values are left out there.
/// </summary>
public sealed record AlertNotification
{
    /// <summary>The alert's <see cref="AlertFingerprint.Id"/>.</summary>
    public required string AlertId { get; init; }

    public required string Rule { get; init; }

    public required string Service { get; init; }

    public string? Check { get; init; }

    public string? Kind { get; init; }

    public required string Team { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required NotificationState State { get; init; }

    public required int Occurrence { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public required IReadOnlyDictionary<string, string> Evidence { get; init; }

    /// <summary>The incident page for this alert, or null when <c>Notifications:PublicUrl</c> is not set.</summary>
    public Uri? Link { get; init; }

    /// <summary>One line that says it all, for a subject or a chat message: <c>[CRITICAL] Ledger: service down</c>.</summary>
    [JsonIgnore]
    public string Headline => State switch
    {
        NotificationState.Resolved => $"[RESOLVED] {Service}: {Summary}",
        NotificationState.Escalated => $"[{SeverityName.ToUpperInvariant()}, ESCALATED] {Service}: {Summary}",
        _ => $"[{SeverityName.ToUpperInvariant()}] {Service}: {Summary}",
    };

    /// <summary>The lower-case names the monitoring file uses (<c>critical</c>, <c>firing</c>), for payloads.</summary>
    [JsonIgnore]
    public string SeverityName => Severity.ToString().ToLowerInvariant();

    [JsonIgnore]
    public string StateName => State.ToString().ToLowerInvariant();

    /// <summary>The facts every channel lists, in a fixed order, without the empty ones.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, string Value)> Facts =>
    [
        .. new (string Name, string? Value)[]
        {
            ("Service", Service),
            ("Check", Check),
            ("Kind", Kind),
            ("Team", Team),
            ("Severity", SeverityName),
            ("State", StateName),
            ("Rule", Rule),
            ("Started", StartsAt.ToString("u", CultureInfo.InvariantCulture)),
            ("Resolved", ResolvedAt?.ToString("u", CultureInfo.InvariantCulture)),
            ("Occurrence", Occurrence.ToString(CultureInfo.InvariantCulture)),
            ("Acknowledged by", AcknowledgedBy),
        }.Where(fact => fact.Value is { Length: > 0 }).Select(fact => (fact.Name, fact.Value!)),
        .. Evidence.Select(entry => (entry.Key, entry.Value)),
    ];

    /// <param name="publicUrl">Where people reach the server (<c>Notifications:PublicUrl</c>), or null when none is configured.</param>
    public static AlertNotification From(Alert alert, string team, NotificationState state, Uri? publicUrl) => new()
    {
        AlertId = alert.Fingerprint.Id,
        Rule = alert.Fingerprint.Rule,
        Service = alert.Service,
        Check = alert.Fingerprint.Check,
        Kind = alert.Fingerprint.Kind,
        Team = team,
        Severity = alert.Severity,
        State = state,
        Occurrence = alert.Occurrence,
        Summary = alert.Summary,
        StartsAt = alert.OpenedAt,
        ResolvedAt = alert.ResolvedAt,
        AcknowledgedBy = alert.AcknowledgedBy,
        Evidence = alert.Evidence,
        // Appended rather than resolved as a relative URI, so a base with a path (https://noc.example/monitor) keeps it.
        Link = publicUrl is null ? null : new Uri($"{publicUrl.AbsoluteUri.TrimEnd('/')}/incidents?alert={alert.Fingerprint.Id}"),
    };
}
