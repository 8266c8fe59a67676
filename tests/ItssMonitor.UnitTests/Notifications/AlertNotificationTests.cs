using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Notifications;

namespace ItssMonitor.UnitTests.Notifications;

/// <summary>The notification snapshot's wording and link, and the idempotency key that keeps deliveries single.</summary>
public sealed class AlertNotificationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AlertSeverity.Critical, NotificationState.Firing, "[CRITICAL] Ledger: service down")]
    [InlineData(AlertSeverity.Warning, NotificationState.Escalated, "[WARNING, ESCALATED] Ledger: service down")]
    [InlineData(AlertSeverity.Critical, NotificationState.Resolved, "[RESOLVED] Ledger: service down")]
    public void The_headline_leads_with_severity_or_resolution_then_service_and_summary(AlertSeverity severity, NotificationState state, string expected)
    {
        var notification = AlertNotification.From(Alert(severity), "payments", state, publicUrl: null);

        Assert.Equal(expected, notification.Headline);
    }

    [Theory]
    [InlineData("https://noc.example/monitor")]
    [InlineData("https://noc.example/monitor/")]
    public void The_link_keeps_the_public_urls_path(string publicUrl)
    {
        var alert = Alert(AlertSeverity.Critical);

        var notification = AlertNotification.From(alert, "payments", NotificationState.Firing, new Uri(publicUrl));

        Assert.Equal(new Uri($"https://noc.example/monitor/incidents?alert={alert.Fingerprint.Id}"), notification.Link);
    }

    [Fact]
    public void Without_a_public_url_there_is_no_link()
    {
        Assert.Null(AlertNotification.From(Alert(AlertSeverity.Critical), "payments", NotificationState.Firing, publicUrl: null).Link);
    }

    [Fact]
    public void The_idempotency_key_is_stable_and_differs_in_each_part()
    {
        var firing = AlertNotification.From(Alert(AlertSeverity.Critical), "payments", NotificationState.Firing, null);
        var key = NotificationQueue.IdempotencyKey(firing, 1, "ops-hook");

        Assert.Equal(key, NotificationQueue.IdempotencyKey(firing with { Summary = "changed wording" }, 1, "ops-hook"));
        Assert.Matches("^[0-9a-f]{32}$", key);
        string[] others =
        [
            NotificationQueue.IdempotencyKey(firing, 2, "ops-hook"),
            NotificationQueue.IdempotencyKey(firing, 1, "ops-mail"),
            NotificationQueue.IdempotencyKey(firing with { State = NotificationState.Resolved }, 1, "ops-hook"),
            NotificationQueue.IdempotencyKey(firing with { Occurrence = 2 }, 1, "ops-hook"),
            NotificationQueue.IdempotencyKey(firing with { AlertId = "0000000000000000" }, 1, "ops-hook"),
        ];
        Assert.Equal(others.Length + 1, others.Append(key).Distinct().Count());
    }

    private static Alert Alert(AlertSeverity severity) => new()
    {
        Fingerprint = AlertFingerprint.For("service-down", "Ledger", "api", "http"),
        Service = "Ledger",
        Severity = severity,
        State = AlertState.Firing,
        Occurrence = 1,
        OpenedAt = T0,
        LastSeenAt = T0,
        Summary = "service down",
        Evidence = new Dictionary<string, string>(),
    };
}
