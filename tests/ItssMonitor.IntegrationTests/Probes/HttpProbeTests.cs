using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>The HTTP probe against real Kestrel endpoints on loopback.</summary>
public sealed class HttpProbeTests(ProbeTargets targets) : IClassFixture<ProbeTargets>
{
    private readonly HttpProbe _probe = new(TimeProvider.System, targets.Trust);

    private Task<ProbeOutcome> RunAsync(Uri url, CheckExpectation? expect = null, bool followRedirects = true, int timeoutMs = 3000) =>
        ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Http, timeoutMs) with { Url = url, Expect = expect ?? CheckExpectation.None, FollowRedirects = followRedirects });

    [Fact]
    public async Task A_2xx_answer_is_up_with_its_status_and_latency_and_no_security_facts_over_plain_http()
    {
        var outcome = await RunAsync(targets.Http("/ok"), new CheckExpectation(BodyContains: "all ok"));

        Assert.True(outcome.Up, outcome.Error);
        Assert.Equal(200, outcome.StatusCode);
        Assert.True(outcome.LatencyMs > 0);
        Assert.Null(outcome.Security);
    }

    [Fact]
    public async Task A_503_is_down_saying_what_came_and_what_was_expected()
    {
        var outcome = await RunAsync(targets.Http("/unavailable"));

        Assert.False(outcome.Up);
        Assert.Equal(503, outcome.StatusCode);
        Assert.Equal("HTTP 503 Service Unavailable, expected 2xx", outcome.Error);
    }

    [Fact]
    public async Task An_expected_status_other_than_2xx_counts_as_up_and_a_2xx_then_counts_as_down()
    {
        var teapot = await RunAsync(targets.Http("/teapot"), new CheckExpectation(Status: 418));
        var ok = await RunAsync(targets.Http("/ok"), new CheckExpectation(Status: 204));

        Assert.True(teapot.Up, teapot.Error);
        Assert.False(ok.Up);
        Assert.Equal("HTTP 200 OK, expected 204", ok.Error);
    }

    [Fact]
    public async Task A_body_without_the_expected_text_is_down()
    {
        var outcome = await RunAsync(targets.Http("/wrong-body"), new CheckExpectation(BodyContains: "all ok"));

        Assert.False(outcome.Up);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("body does not contain \"all ok\"", outcome.Error);
    }

    [Fact]
    public async Task Only_the_first_MiB_of_a_body_is_read()
    {
        var outcome = await RunAsync(targets.Http("/large"), new CheckExpectation(BodyContains: "all ok"));

        Assert.False(outcome.Up);
        Assert.Equal("body does not contain \"all ok\" (first 1 MiB read)", outcome.Error);
    }

    [Fact]
    public async Task An_answer_slower_than_the_latency_limit_is_down_with_both_figures()
    {
        var outcome = await RunAsync(targets.Http("/slow"), new CheckExpectation(MaxLatencyMs: 100));

        Assert.False(outcome.Up);
        // The target's Task.Delay runs on the timer's coarse clock and can end a millisecond or so before the probe's
        // stopwatch says 400 ms have passed (a run measured 399 ms): allow the timer's granularity, no more.
        Assert.True(outcome.LatencyMs >= ProbeTargets.SlowDelay.TotalMilliseconds - 20, $"latency {outcome.LatencyMs} ms");
        Assert.Matches(@"^answer took \d+ ms, limit 100 ms$", outcome.Error);
    }

    [Fact]
    public async Task Redirects_are_followed_by_default_and_judged_as_they_are_when_not()
    {
        var followed = await RunAsync(targets.Http("/redirect"), new CheckExpectation(BodyContains: "all ok"));
        var notFollowed = await RunAsync(targets.Http("/redirect"), followRedirects: false);
        var expectedRedirect = await RunAsync(targets.Http("/redirect"), new CheckExpectation(Status: 302), followRedirects: false);

        Assert.True(followed.Up, followed.Error);
        Assert.Equal(200, followed.StatusCode);
        Assert.False(notFollowed.Up);
        Assert.Equal("HTTP 302 Found, expected 2xx", notFollowed.Error);
        Assert.True(expectedRedirect.Up, expectedRedirect.Error);
    }

    [Fact]
    public async Task More_than_ten_redirects_are_not_followed()
    {
        var outcome = await RunAsync(targets.Http("/redirect-forever/0"));

        Assert.False(outcome.Up);
        Assert.Equal(302, outcome.StatusCode);
    }

    [Fact]
    public async Task A_closed_port_is_down_as_connection_refused_naming_host_and_port()
    {
        var outcome = await RunAsync(new Uri($"http://127.0.0.1:{targets.ClosedPort}/"));

        Assert.False(outcome.Up);
        Assert.Equal($"connection refused (127.0.0.1:{targets.ClosedPort})", outcome.Error);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_within_the_timeout()
    {
        var outcome = await RunAsync(new Uri($"http://127.0.0.1:{targets.SilentPort}/"), timeoutMs: 500);

        Assert.False(outcome.Up);
        Assert.Equal("no answer within 500 ms", outcome.Error);
    }

    [Fact]
    public async Task Https_with_a_valid_certificate_is_up_and_reports_what_the_handshake_showed()
    {
        var outcome = await RunAsync(new Uri($"https://localhost:{targets.TrustedTlsPort}/ok"), new CheckExpectation(BodyContains: "all ok"));

        Assert.True(outcome.Up, outcome.Error);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: true, hostnameValid: true);
    }

    [Fact]
    public async Task Https_with_an_untrusted_certificate_is_down_and_still_reports_the_facts()
    {
        var outcome = await ProbeRun.RunAsync(
            new HttpProbe(TimeProvider.System),
            ProbeRun.Check(CheckKinds.Http) with { Url = new Uri($"https://localhost:{targets.SelfSignedTlsPort}/ok") });

        Assert.False(outcome.Up);
        Assert.StartsWith("certificate chain not valid", outcome.Error);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: false, hostnameValid: true);
    }

    [Fact]
    public async Task Https_with_an_expired_certificate_is_down_saying_since_when()
    {
        var outcome = await RunAsync(new Uri($"https://localhost:{targets.ExpiredTlsPort}/ok"));

        Assert.False(outcome.Up);
        Assert.Equal("certificate expired 2 days ago", outcome.Error);
        Assert.True(outcome.Security!.CertDaysLeft < -2);
    }

    [Fact]
    public async Task Https_to_a_name_the_certificate_is_not_for_is_down()
    {
        var outcome = await RunAsync(new Uri($"https://127.0.0.1:{targets.TrustedTlsPort}/ok"));

        Assert.False(outcome.Up);
        Assert.Equal("certificate not valid for 127.0.0.1", outcome.Error);
        ProbeRun.AssertThreeDayCertificate(outcome, chainValid: true, hostnameValid: false);
    }
}
