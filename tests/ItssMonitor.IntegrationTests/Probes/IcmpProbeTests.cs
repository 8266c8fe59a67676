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
    public async Task An_address_that_does_not_answer_is_down_within_the_timeout_naming_it()
    {
        // TEST-NET-3 (203.0.113.0/24) is reserved for documentation, so no echo comes back from it: on an open
        // network the echo is dropped (TimedOut) or a router says unreachable; in a sandbox the send itself may
        // be refused. Which one depends on the network, so each is accepted; every one names the address.
        var outcome = await RunAsync("203.0.113.1", timeoutMs: 500);

        Assert.False(outcome.Up);
        Assert.Null(outcome.LatencyMs);
        Assert.Matches(@"^(no answer within 500 ms|no echo reply from 203\.0\.113\.1 within 500 ms \(TimedOut\)|echo to 203\.0\.113\.1 failed: \w+|ping to 203\.0\.113\.1 failed: .+)$", outcome.Error);
    }

    [Fact]
    public async Task A_round_trip_over_the_limit_is_down()
    {
        var outcome = await RunAsync("127.0.0.1", expect: new CheckExpectation(MaxLatencyMs: 0));

        Assert.False(outcome.Up);
        Assert.Matches(@"^answer took \d+ ms, limit 0 ms$", outcome.Error);
    }
}
