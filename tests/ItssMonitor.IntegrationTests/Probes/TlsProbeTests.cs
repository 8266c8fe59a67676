using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>The TLS probe against real Kestrel HTTPS ports with certificates made by the test.</summary>
public sealed class TlsProbeTests(ProbeTargets targets) : IClassFixture<ProbeTargets>
{
    private Task<ProbeOutcome> RunAsync(string host, int port, ProbeCertificateTrust? trust, int timeoutMs = 3000, TimeProvider? time = null) =>
        ProbeRun.RunAsync(new TlsProbe(time ?? TimeProvider.System, trust), ProbeRun.Check(CheckKinds.Tls, timeoutMs) with { Host = host, Port = port });

    [Fact]
    public async Task A_trusted_certificate_for_the_host_is_up_with_days_left_and_protocol()
    {
        var outcome = await RunAsync("localhost", targets.TrustedTlsPort, targets.Trust);

        Assert.True(outcome.Up, outcome.Error);
        Assert.True(outcome.LatencyMs > 0);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: true, hostnameValid: true);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_down_with_an_invalid_chain()
    {
        var outcome = await RunAsync("localhost", targets.SelfSignedTlsPort, trust: null);

        Assert.False(outcome.Up);
        Assert.StartsWith("certificate chain not valid (", outcome.Error);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: false, hostnameValid: true);
    }

    [Fact]
    public async Task A_host_the_certificate_is_not_for_is_down_with_an_invalid_hostname()
    {
        // The certificate names only "localhost"; asked for 127.0.0.1 the server sends it all the same.
        var outcome = await RunAsync("127.0.0.1", targets.TrustedTlsPort, targets.Trust);

        Assert.False(outcome.Up);
        Assert.Equal("certificate not valid for 127.0.0.1", outcome.Error);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: true, hostnameValid: false);
    }

    [Fact]
    public async Task Every_failure_is_named_when_several_apply()
    {
        var outcome = await RunAsync("127.0.0.1", targets.SelfSignedTlsPort, trust: null);

        Assert.False(outcome.Up);
        Assert.Matches(@"^certificate chain not valid \(.+\); certificate not valid for 127\.0\.0\.1$", outcome.Error);
    }

    [Fact]
    public async Task An_expired_certificate_is_down_saying_how_long_ago()
    {
        var outcome = await RunAsync("localhost", targets.ExpiredTlsPort, targets.Trust);

        Assert.False(outcome.Up);
        Assert.Equal("certificate expired 2 days ago", outcome.Error);
        Assert.InRange(outcome.Security!.CertDaysLeft!.Value, -2.1, -2.0);
    }

    [Fact]
    public async Task Days_left_are_counted_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));

        var outcome = await RunAsync("localhost", targets.TrustedTlsPort, targets.Trust, time: time);

        Assert.True(outcome.Up, outcome.Error);
        Assert.InRange(outcome.Security!.CertDaysLeft!.Value, 0.99, 1.0);
    }

    [Fact]
    public async Task A_closed_port_is_down_as_connection_refused_without_security_facts()
    {
        var outcome = await RunAsync("127.0.0.1", targets.ClosedPort, targets.Trust);

        Assert.False(outcome.Up);
        Assert.Equal($"connection refused (127.0.0.1:{targets.ClosedPort})", outcome.Error);
        Assert.Null(outcome.Security);
    }

    [Fact]
    public async Task A_server_that_never_answers_the_handshake_times_out_within_the_timeout()
    {
        var outcome = await RunAsync("localhost", targets.SilentPort, targets.Trust, timeoutMs: 500);

        Assert.False(outcome.Up);
        Assert.Equal("no answer within 500 ms", outcome.Error);
        Assert.Null(outcome.Security);
    }

    [Fact]
    public async Task A_server_that_does_not_speak_TLS_is_down_as_a_failed_handshake()
    {
        var outcome = await RunAsync("127.0.0.1", targets.HttpPort, targets.Trust);

        Assert.False(outcome.Up);
        Assert.StartsWith($"TLS handshake failed (127.0.0.1:{targets.HttpPort}): ", outcome.Error);
    }
}
