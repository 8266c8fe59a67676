using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>The TCP probe against real listeners on loopback.</summary>
public sealed class TcpProbeTests(ProbeTargets targets) : IClassFixture<ProbeTargets>
{
    private readonly TcpProbe _probe = new(TimeProvider.System);

    private Task<ProbeOutcome> RunAsync(string host, int port, CheckExpectation? expect = null) =>
        ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Tcp) with { Host = host, Port = port, Expect = expect ?? CheckExpectation.None });

    [Fact]
    public async Task A_listening_port_is_up_with_the_connect_time()
    {
        var outcome = await RunAsync("127.0.0.1", targets.HttpPort);

        Assert.True(outcome.Up, outcome.Error);
        Assert.True(outcome.LatencyMs > 0);
        Assert.Null(outcome.StatusCode);
    }

    [Fact]
    public async Task A_host_name_is_looked_up_first()
    {
        var outcome = await RunAsync("localhost", targets.HttpPort);

        Assert.True(outcome.Up, outcome.Error);
    }

    [Fact]
    public async Task A_closed_port_is_down_as_connection_refused()
    {
        var outcome = await RunAsync("127.0.0.1", targets.ClosedPort);

        Assert.False(outcome.Up);
        Assert.Equal($"connection refused (127.0.0.1:{targets.ClosedPort})", outcome.Error);
    }

    [Fact]
    public async Task A_connect_slower_than_the_limit_is_down()
    {
        var outcome = await RunAsync("127.0.0.1", targets.HttpPort, new CheckExpectation(MaxLatencyMs: 0));

        Assert.False(outcome.Up);
        Assert.Matches(@"^answer took \d+ ms, limit 0 ms$", outcome.Error);
    }

    [Fact]
    public async Task A_connect_that_never_completes_times_out_within_the_timeout()
    {
        var outcome = await ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Tcp, timeoutMs: 500) with { Host = "127.0.0.1", Port = targets.UnreachablePort });

        Assert.False(outcome.Up);
        Assert.Equal("no answer within 500 ms", outcome.Error);
    }

    [Fact]
    public async Task A_listener_that_accepts_but_stays_silent_is_up_since_only_the_connection_counts()
    {
        var outcome = await RunAsync("127.0.0.1", targets.SilentPort);

        Assert.True(outcome.Up, outcome.Error);
    }

    [Fact]
    public async Task A_check_without_a_port_is_down_saying_so()
    {
        var outcome = await ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Tcp) with { Host = "127.0.0.1" });

        Assert.False(outcome.Up);
        Assert.Equal("no host and port configured", outcome.Error);
    }
}
