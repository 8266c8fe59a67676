using System.Diagnostics;
using ItssMonitor.Core.Status;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>
/// Two server processes sharing a real Redis as the SignalR backplane: a change a node broadcasts reaches clients
/// connected to the other node. (The backplane carries the broadcast; the boards share samples through the sample
/// relay, tested in Cluster/ClusterTests.)
/// </summary>
public sealed class HubBackplaneTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private HubServer _nodeA = null!;
    private HubServer _nodeB = null!;

    public async Task InitializeAsync()
    {
        var nodes = await Task.WhenAll(
            HubServer.StartAsync(("SignalR__Redis", redis.ConnectionString)),
            HubServer.StartAsync(("SignalR__Redis", redis.ConnectionString)));
        (_nodeA, _nodeB) = (nodes[0], nodes[1]);
    }

    [Fact]
    public async Task A_client_on_node_B_receives_the_change_of_a_sample_pushed_to_node_A()
    {
        await using var onB = await StatusListener.ConnectAsync(_nodeB.HubUrl, _nodeB.Session);
        await using var onBFiltered = await StatusListener.ConnectAsync(new Uri(_nodeB.HubUrl + "?team=finance"), _nodeB.Session);

        var pushed = Stopwatch.GetTimestamp();
        await _nodeA.PushAsync("Payments API", up: false, latencyMs: 64);

        var change = await onB.WaitForAsync(
            StatusListener.StatusChanged, services => services.Any(s => s.Service == "Payments API" && s.State == ServiceState.Down), TimeSpan.FromSeconds(5), "Payments API down from node A", pushed);
        Assert.Equal(64, change.Services.Single(service => service.Service == "Payments API").LatencyMs);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(onBFiltered.ChangesOf("Payments API", pushed));
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
    }
}
