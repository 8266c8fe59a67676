using System.Globalization;
using System.Text.Json;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// Security facts pushed to a real server process reach the alert engine through the security-evaluation job on
/// Hangfire's schedule: an expiring certificate and a burst of authentication failures become open alerts, and a
/// renewed certificate resolves its alert on a later tick.
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
        // Two failure counts of one series need two timestamps: a second point at the same time replaces the first.
        var now = DateTimeOffset.UtcNow;
        await _server.PushAsync(
            Security("cert", certDaysLeft: 2.0, authFailures: null, now),
            Security("login", certDaysLeft: null, authFailures: 90, now.AddSeconds(-1)),
            Security("login", certDaysLeft: null, authFailures: 60, now));

        var open = await _server.WaitForAsync(
            "api/v1/alerts?service=Payments%20API",
            alerts => alerts.GetArrayLength() == 2,
            "cert-expiry and auth-failures alerts");
        Assert.Equal(
            [("auth-failures", "critical", null, null), ("cert-expiry", "critical", "cert", "tls")],
            open.EnumerateArray().Select(Describe).Order());
        var certificate = open.EnumerateArray().Single(alert => alert.GetProperty("rule").GetString() == "cert-expiry");
        Assert.StartsWith("certificate expires in 2 days", certificate.GetProperty("summary").GetString());
        var burst = open.EnumerateArray().Single(alert => alert.GetProperty("rule").GetString() == "auth-failures");
        Assert.StartsWith("150 authentication failures in 5 min", burst.GetProperty("summary").GetString());

        await _server.PushAsync(Security("cert", certDaysLeft: 80.0, authFailures: null, DateTimeOffset.UtcNow));
        var renewed = await _server.WaitForAsync(
            "api/v1/alerts?state=resolved&service=Payments%20API",
            alerts => alerts.GetArrayLength() == 1,
            "the renewed certificate's alert resolved");
        Assert.Equal(certificate.GetProperty("id").GetString(), renewed[0].GetProperty("id").GetString());
        Assert.Equal(["auth-failures"], (await _server.Api.GetAsync("api/v1/alerts?service=Payments%20API")).Body.EnumerateArray().Select(alert => alert.GetProperty("rule").GetString()));
    }

    private static object Security(string check, double? certDaysLeft, int? authFailures, DateTimeOffset at)
    {
        var timestamp = at.ToString("O", CultureInfo.InvariantCulture);
        return certDaysLeft is { } days
            ? new { type = "security", service = "Payments API", check, certDaysLeft = days, tlsVersion = "TLS 1.3", chainValid = true, hostnameValid = true, timestamp }
            : new { type = "security", service = "Payments API", check, authFailures, timestamp };
    }

    private static (string?, string?, string?, string?) Describe(JsonElement alert) => (
        alert.GetProperty("rule").GetString(), alert.GetProperty("severity").GetString(),
        alert.GetProperty("check").GetString(), alert.GetProperty("kind").GetString());
}
