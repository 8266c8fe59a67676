using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Server.Security;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>The security-evaluation job run as Hangfire would, against security events written to the real stores.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SecurityEvaluationJobTests(InfluxDbServer influx)
{
    private static readonly DateTimeOffset Now = TestData.T0.AddDays(2);

    [Theory]
    [InlineData(EvaluationStores.Influx)]
    [InlineData(EvaluationStores.Sqlite)]
    public async Task Certificates_protocols_and_an_auth_failure_burst_raise_their_alerts_and_a_steady_rate_does_not(string kind)
    {
        await using var stores = await EvaluationStores.CreateAsync(kind, influx);
        await stores.WriteAsync(
        [
            // Shop's certificate had 30 days an hour ago; the newest handshake says 3: critical.
            Handshake("Shop", -60, days: 30),
            Handshake("Shop", -1, days: 3),
            // Bank: 10 days with warnDays 14, a warning.
            Handshake("Bank", -1, days: 10),
            // Legacy: a year left, but an untrusted chain over TLS 1.0.
            Handshake("Legacy", -1, days: 365, version: "TLS 1.0", chain: false),
            // Fine: 90 days, TLS 1.3, trusted.
            Handshake("Fine", -1, days: 90),
            // Not a configured tls check (removed from the file): its last handshake is not judged.
            Handshake("Gone", -1, days: 1),
            // Portal: 10 failures every 5 minutes all day (baseline 10), then 150 in the last 5 minutes, 15 times that.
            .. SteadyFailures("Portal", perFiveMinutes: 10),
            Failures("Portal", -4, 50), Failures("Portal", -3, 50), Failures("Portal", -2, 50),
            // Steady: the same day, then 12 now: ordinary.
            .. SteadyFailures("Steady", perFiveMinutes: 10),
            Failures("Steady", -2, 12),
        ]);
        var alerts = new RecordingAlertSignals();
        var configuration = new MonitoringConfiguration(new[] { "Shop", "Bank", "Legacy", "Fine" }.Select(TlsService).ToList());

        await new SecurityEvaluationJob(
            stores.Samples,
            new FixedMonitoring(configuration),
            alerts,
            new FakeTimeProvider(Now),
            Options.Create(new AuthFailureOptions()),
            NullLogger<SecurityEvaluationJob>.Instance).RunAsync(CancellationToken.None);

        var (rules, firing) = alerts.SingleReport();
        Assert.Equal(["cert-expiry", "cert-invalid", "tls-version", "auth-failures"], rules);
        Assert.Equal(
            [
                ("auth-failures", "Portal", AlertSeverity.Critical),
                ("cert-expiry", "Bank", AlertSeverity.Warning),
                ("cert-expiry", "Shop", AlertSeverity.Critical),
                ("cert-invalid", "Legacy", AlertSeverity.Critical),
                ("tls-version", "Legacy", AlertSeverity.Warning),
            ],
            firing.Select(signal => (signal.Fingerprint.Rule, signal.Service, signal.Severity)).Order());
        var shop = firing.Single(signal => signal.Service == "Shop");
        Assert.Equal(AlertFingerprint.For("cert-expiry", "Shop", "cert", "tls"), shop.Fingerprint);
        Assert.Equal("certificate expires in 3 days (2026-10-05 23:59 UTC)", shop.Summary);
        var portal = firing.Single(signal => signal.Service == "Portal");
        Assert.Equal("150", portal.Evidence["failures 5m"]);
        Assert.Equal("10", portal.Evidence["baseline per 5m"]);
        Assert.Equal("150 authentication failures in 5 min, 15× the usual 10", portal.Summary);
    }

    private static SecuritySample Handshake(string service, double minutes, double days, string version = "TLS 1.3", bool chain = true) =>
        new(service, "cert", CheckKinds.Tls, "", Now.AddMinutes(minutes), days, version, chain, true);

    private static SecuritySample Failures(string service, double minutes, long count) =>
        new(service, "login", "auth", "", Now.AddMinutes(minutes), AuthFailures: count);

    /// <summary>One event per 5 minutes over the 24 hours before the last 5 minutes, each in the middle of its 5 minutes.</summary>
    private static IEnumerable<SecuritySample> SteadyFailures(string service, long perFiveMinutes) =>
        Enumerable.Range(0, 288).Select(i => Failures(service, -5 - (5 * i) - 2.5, perFiveMinutes));

    private static ServiceDefinition TlsService(string name) =>
        new(name, "web", [], [new CheckDefinition("cert", CheckKinds.Tls, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)) { Host = "example.test", WarnDays = 14 }]);
}
