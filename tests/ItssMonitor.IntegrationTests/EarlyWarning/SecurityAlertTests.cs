using System.Globalization;
using System.Text.Json;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// Security facts pushed to a real server process reach the alert engine through the security-evaluation job on
/// Hangfire's schedule: a certificate 3 days from expiry and a burst of authentication failures become open alerts
/// (a steady rate of failures does not), and a renewed certificate resolves its alert on a later tick.
/// </summary>
public sealed class SecurityAlertTests : IAsyncLifetime
{
    private EarlyWarningServer _server = null!;

    public async Task InitializeAsync() => _server = await EarlyWarningServer.StartAsync(
        _ => $$"""
        services:
          - name: Payments API
            team: payments
            checks:
              # Nothing listens there: the server's own probe finds no handshake, so the pushed facts are the only ones.
              - { name: cert, kind: tls, host: 127.0.0.1, port: {{FreePort.Next()}}, interval: 1h, warnDays: 14 }
              - { name: login, kind: push, interval: 1h }
          - name: Search
            team: web
            checks:
              - { name: login, kind: push, interval: 1h }
        """,
        new Dictionary<string, string>
        {
            ["Hangfire__SchedulePollingInterval"] = "00:00:00.200",
            ["Jobs__SecurityEvaluationSchedule"] = "*/2 * * * * *",
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_expiring_certificate_and_an_authentication_failure_burst_become_alerts_and_a_renewal_resolves_its_alert()
    {
        // Search fails logins steadily: 20 every 5 minutes for the last day, 25 in the last 5 minutes (above the minimum
        // count of 20, far below 10× its own baseline). Its history goes first: the writer stores requests in order.
        var now = DateTimeOffset.UtcNow;
        await _server.PushAsync([.. Enumerable.Range(0, 287).Select(k => AuthFailures("Search", 20, now.AddMinutes(-5 - (5 * k)).AddSeconds(-30)))]);
        // Two failure counts of one series need two timestamps: a second point at the same time replaces the first.
        await _server.PushAsync(
            AuthFailures("Search", 25, now),
            Certificate(3.0, now),
            AuthFailures("Payments API", 90, now.AddSeconds(-1)),
            AuthFailures("Payments API", 60, now));

        var open = await _server.WaitForAsync(
            "api/v1/alerts?service=Payments%20API",
            alerts => alerts.GetArrayLength() == 2,
            "cert-expiry and auth-failures alerts");
        Assert.Equal(
            [("auth-failures", "critical", null, null), ("cert-expiry", "critical", "cert", "tls")],
            open.EnumerateArray().Select(Describe).Order());
        var certificate = open.EnumerateArray().Single(alert => alert.GetProperty("rule").GetString() == "cert-expiry");
        Assert.StartsWith("certificate expires in 3 days", certificate.GetProperty("summary").GetString());
        var burst = open.EnumerateArray().Single(alert => alert.GetProperty("rule").GetString() == "auth-failures");
        Assert.StartsWith("150 authentication failures in 5 min", burst.GetProperty("summary").GetString());
        Assert.Empty((await _server.Api.GetAsync("api/v1/alerts?service=Search")).Body.EnumerateArray());
        Assert.Empty((await _server.Api.GetAsync("api/v1/alerts?state=resolved&service=Search")).Body.EnumerateArray());

        await _server.PushAsync(Certificate(80.0, DateTimeOffset.UtcNow));
        var renewed = await _server.WaitForAsync(
            "api/v1/alerts?state=resolved&service=Payments%20API",
            alerts => alerts.GetArrayLength() == 1,
            "the renewed certificate's alert resolved");
        Assert.Equal(certificate.GetProperty("id").GetString(), renewed[0].GetProperty("id").GetString());
        Assert.Equal(["auth-failures"], (await _server.Api.GetAsync("api/v1/alerts?service=Payments%20API")).Body.EnumerateArray().Select(alert => alert.GetProperty("rule").GetString()));
    }

    private static object Certificate(double certDaysLeft, DateTimeOffset at) => new
    {
        type = "security", service = "Payments API", check = "cert", certDaysLeft, tlsVersion = "TLS 1.3", chainValid = true, hostnameValid = true,
        timestamp = at.ToString("O", CultureInfo.InvariantCulture),
    };

    private static object AuthFailures(string service, int authFailures, DateTimeOffset at) =>
        new { type = "security", service, check = "login", authFailures, timestamp = at.ToString("O", CultureInfo.InvariantCulture) };

    private static (string?, string?, string?, string?) Describe(JsonElement alert) => (
        alert.GetProperty("rule").GetString(), alert.GetProperty("severity").GetString(),
        alert.GetProperty("check").GetString(), alert.GetProperty("kind").GetString());
}
