using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// The whole chain in a real server process: a pushed failure takes a service down, the live path raises
/// service-down in the alert engine, the dispatcher sends one signed webhook (surviving a refused first attempt),
/// an acknowledgement stops the escalation, an unacknowledged alert escalates by e-mail through a real SMTP server,
/// recovery sends <c>resolved</c>, and the incidents API shows the timeline.
/// </summary>
public sealed class OutageNotificationTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private const string Secret = "e2e-signing-secret";
    private static readonly TimeSpan EscalateAfter = TimeSpan.FromSeconds(8);

    private EarlyWarningServer _server = null!;

    public async Task InitializeAsync() => _server = await EarlyWarningServer.StartAsync(
        receiver => "services:\n" + EarlyWarningServer.PushService("Checkout", "payments") + EarlyWarningServer.PushService("Refunds", "payments") + $$"""
            notifications:
              channels:
                - { name: ops-hook, kind: webhook, url: "{{receiver.UrlFor("hook")}}", secret: "{{Secret}}" }
                - { name: ops-mail, kind: email, to: ["oncall@example.com"] }
              routes:
                - { team: payments, severity: critical, channels: [ops-hook], escalateAfter: {{EscalateAfter.TotalSeconds}}s, escalateTo: [ops-mail] }
            """,
        new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = smtp.Host,
            ["Notifications__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__Smtp__From"] = "ItssMonitor <noc@example.com>",
            ["Notifications__Smtp__Security"] = "None",
            ["Notifications__PublicUrl"] = "https://noc.example",
            ["Hangfire__SchedulePollingInterval"] = "00:00:00.200",
            ["Notifications__RetryDelays__0"] = "00:00:01",
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_outage_notifies_once_signed_stops_escalating_when_acknowledged_and_resolves_with_a_timeline()
    {
        _server.Receiver.FailNext(1);
        await _server.PushAsync(EarlyWarningServer.CheckResult("Checkout", "api", up: false, DateTimeOffset.UtcNow));
        var alert = await _server.Api.WaitForServiceDownAsync("Checkout", "open");
        var id = alert.GetProperty("id").GetString()!;
        var (ackStatus, _, _) = await _server.Api.PostAsync($"api/v1/alerts/{id}/ack", """{"note": "on it"}""");
        Assert.Equal(HttpStatusCode.OK, ackStatus);

        // One refused attempt, then the retry: both the same notification, only the second accepted.
        var firing = Assert.Single(await _server.Receiver.WaitForAcceptedAsync("hook", 1));
        var attempts = _server.Receiver.Requests.Where(request => request.Path == "/hook").ToList();
        Assert.Equal([false, true], attempts.Select(request => request.Accepted));
        Assert.NotNull(firing.Header("Idempotency-Key"));
        Assert.Equal(attempts[0].Header("Idempotency-Key"), firing.Header("Idempotency-Key"));
        Assert.True(WebhookReceiver.SignatureIsValid(firing, Secret), "the firing delivery's X-Itss-Signature does not match its body");
        var body = firing.Json();
        Assert.Equal(
            (id, "Checkout", "critical", "firing", "service-down"),
            (body.GetProperty("id").GetString(), body.GetProperty("service").GetString(), body.GetProperty("severity").GetString(),
                body.GetProperty("state").GetString(), body.GetProperty("rule").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("check").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("kind").ValueKind);
        Assert.StartsWith("Checkout is down: api", body.GetProperty("summary").GetString());
        Assert.Equal(alert.GetProperty("openedAt").GetDateTimeOffset(), body.GetProperty("startsAt").GetDateTimeOffset());

        // Refunds is left alone: its escalation reaches on-call by mail; Checkout's, acknowledged, never does.
        await _server.PushAsync(EarlyWarningServer.CheckResult("Refunds", "api", up: false, DateTimeOffset.UtcNow));
        var refunds = (await _server.Api.WaitForServiceDownAsync("Refunds", "open")).GetProperty("id").GetString()!;
        var escalated = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Contains("Subject: [CRITICAL, ESCALATED] Refunds", escalated, StringComparison.Ordinal);
        Assert.Contains($"https://noc.example/incidents?alert={refunds}", escalated, StringComparison.Ordinal);
        var checkoutEscalationDue = alert.GetProperty("openedAt").GetDateTimeOffset() + EscalateAfter + TimeSpan.FromSeconds(3);
        if (checkoutEscalationDue > DateTimeOffset.UtcNow)
        {
            await Task.Delay(checkoutEscalationDue - DateTimeOffset.UtcNow);
        }

        Assert.DoesNotContain(smtp.Messages(), message => message.Contains("Checkout", StringComparison.Ordinal));

        await _server.PushAsync(EarlyWarningServer.CheckResult("Checkout", "api", up: true, DateTimeOffset.UtcNow));
        var hook = await _server.Receiver.WaitForAcceptedAsync("hook", 3);
        var resolved = Assert.Single(hook, request => request.Json().GetProperty("id").GetString() == id && request.Json().GetProperty("state").GetString() == "resolved");
        Assert.True(WebhookReceiver.SignatureIsValid(resolved, Secret));
        Assert.Equal(JsonValueKind.String, resolved.Json().GetProperty("endsAt").ValueKind);
        Assert.Equal(2, hook.Count(request => request.Json().GetProperty("id").GetString() == id));

        var report = await _server.WaitForAsync(
            "api/v1/incidents?service=Checkout",
            answer => answer.GetProperty("incidents").EnumerateArray().Any(incident => incident.GetProperty("state").GetString() == "resolved"),
            "Checkout's incident resolved");
        var incident = Assert.Single(report.GetProperty("incidents").EnumerateArray());
        Assert.Equal(
            ["opened", "notified", $"acknowledged {ServerProcess.AdminName}", "resolved"],
            incident.GetProperty("timeline").EnumerateArray().Select(entry => string.Join(' ', new[] { entry.GetProperty("kind").GetString(), entry.GetProperty("actor").GetString() }.Where(part => part is not null))));
        Assert.Equal(ServerProcess.AdminName, incident.GetProperty("acknowledgedBy").GetString());
        var summary = report.GetProperty("summary");
        Assert.Equal((1, 1, 1), (summary.GetProperty("count").GetInt32(), summary.GetProperty("acknowledged").GetInt32(), summary.GetProperty("resolved").GetInt32()));
        Assert.True(summary.GetProperty("mttaSeconds").GetDouble() >= 0);
        Assert.True(summary.GetProperty("mttrSeconds").GetDouble() >= summary.GetProperty("mttaSeconds").GetDouble());
    }
}
