using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>The ICMP probe with real echo requests (the tests run as root, or .NET uses the ping tool).</summary>
public sealed class IcmpProbeTests
{
    private readonly IcmpProbe _probe = new(TimeProvider.System);

    private Task<ProbeOutcome> RunAsync(string host, int timeoutMs = 3000, CheckExpectation? expect = null) =>
        ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Icmp, timeoutMs) with { Host = host, Expect = expect ?? CheckExpectation.None });

    [Fact]
    public async Task Loopback_answers_and_is_up_with_a_round_trip_time()
    {
        var outcome = await RunAsync("127.0.0.1");

        Assert.True(outcome.Up, outcome.Error);
        Assert.NotNull(outcome.LatencyMs);
        Assert.True(outcome.LatencyMs > 0);
    }

    [Fact]
    public async Task A_host_name_is_looked_up_first()
    {
        var outcome = await RunAsync("localhost");

        Assert.True(outcome.Up, outcome.Error);
    }

    [Fact]
    public async Task A_host_that_cannot_be_found_is_down_naming_it()
    {
        // Tests send nothing past loopback, so a silent address is out of reach here; a name that cannot
        // exist (RFC 2606 reserves .invalid) fails in the lookup, the step before the echo.
        var outcome = await RunAsync("no-such-host.invalid", timeoutMs: 2_000);

        Assert.False(outcome.Up);
        Assert.Null(outcome.LatencyMs);
        Assert.Contains("no-such-host.invalid", outcome.Error);
    }

    [Fact]
    public async Task A_round_trip_over_the_limit_is_down()
    {
        var outcome = await RunAsync("127.0.0.1", expect: new CheckExpectation(MaxLatencyMs: 0));

        Assert.False(outcome.Up);
        Assert.Matches(@"^answer took \d+ ms, limit 0 ms$", outcome.Error);
    }
}
