using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.Core.Status;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Cluster;

/// <summary>
/// Scale-out: two server processes sharing a real PostgreSQL and Redis (see <see cref="TwoNodeCluster"/>). A sample
/// taken in on one node shows on the other's board and hub; each check is probed once per interval across both; a
/// node that stops or dies hands its checks to the other.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres, RedisServer redis, InfluxDbServer influx) : IClassFixture<PostgresServer>, IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_sample_pushed_to_node_A_shows_on_node_B_in_its_hub_its_status_API_and_a_new_clients_snapshot()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);
        await using var onB = await StatusListener.ConnectAsync(new Uri(cluster.NodeB.Process.Url, "hubs/status"));

        var pushed = Stopwatch.GetTimestamp();
        await cluster.NodeA.PushAsync(PushServer.CheckResult("Ledger", "api", up: false, PushServer.NextTimestamp(), latencyMs: 42, error: "HTTP 503"));

        await onB.WaitForAsync(StatusListener.StatusChanged, services => services.Any(s => s.Service == "Ledger" && s.State == ServiceState.Down), TimeSpan.FromSeconds(10), "Ledger down", pushed);
        // The hub message came through the backplane; the board of node B has it too, from the sample relay.
        var ledger = await WaitForLedgerDownAsync(cluster.NodeB);
        Assert.Equal(42, ledger.GetProperty("latencyMs").GetDouble());
        await using var late = await StatusListener.ConnectAsync(new Uri(cluster.NodeB.Process.Url, "hubs/status"));
        var snapshot = late.Received.First(message => message.Method == StatusListener.Snapshot);
        Assert.Equal(ServiceState.Down, snapshot.Services.Single(service => service.Service == "Ledger").State);
        // Node B broadcast nothing of its own for it: one change of Ledger reached B's client, the one node A sent.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(onB.ChangesOf("Ledger", pushed));
    }

    [Fact]
    public async Task Each_check_is_probed_once_per_interval_across_both_nodes_and_both_nodes_probe_some()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);
        var fromA = await TwoNodeCluster.ClusterOfAsync(cluster.NodeA);
        var fromB = await TwoNodeCluster.ClusterOfAsync(cluster.NodeB);
        Assert.Equal(new Dictionary<string, int> { ["node-a"] = 3, ["node-b"] = 5 }, ChecksPerNode(fromA));
        Assert.Equal(ChecksPerNode(fromA), ChecksPerNode(fromB));

        var from = DateTimeOffset.UtcNow;
        var intervals = 4;
        await cluster.WaitForEveryCheckAsync(from + TwoNodeCluster.Interval * intervals, count: 1);

        foreach (var path in TwoNodeCluster.Paths)
        {
            var hits = cluster.Target.HitsOf(path).Where(at => at >= from && at < from + TwoNodeCluster.Interval * intervals).ToList();
            // One per slot: a window of four intervals holds four slots (give or take one at its edges); both nodes
            // probing a check would make about eight.
            Assert.True(hits.Count is >= 3 and <= 5, $"{path} was probed {hits.Count} times in {intervals} intervals");
            var closest = hits.Zip(hits.Skip(1), (first, second) => second - first).DefaultIfEmpty(TwoNodeCluster.Interval).Min();
            Assert.True(closest > TwoNodeCluster.Interval / 2, $"{path} was probed twice within {closest.TotalMilliseconds:0} ms");
        }
    }

    [Fact]
    public async Task Stopping_node_A_moves_all_its_checks_to_node_B_at_once()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);

        await cluster.NodeA.Process.StopAsync();
        var stopped = DateTimeOffset.UtcNow;

        Assert.Contains("node-a left the cluster", cluster.NodeA.Process.Output, StringComparison.Ordinal);
        var fromB = await cluster.WaitForMembersAsync(cluster.NodeB, "node-b");
        Assert.Equal(new Dictionary<string, int> { ["node-b"] = TwoNodeCluster.Paths.Count }, ChecksPerNode(fromB));
        await cluster.WaitForEveryCheckAsync(stopped, count: 2);
    }

    [Fact]
    public async Task Killing_node_A_moves_all_its_checks_to_node_B_once_its_heartbeat_times_out()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);

        await cluster.NodeA.Process.KillAsync();
        var killed = DateTimeOffset.UtcNow;

        await cluster.WaitForEveryCheckAsync(killed, count: 2);
        var fromB = await cluster.WaitForMembersAsync(cluster.NodeB, "node-b");
        Assert.Equal(new Dictionary<string, int> { ["node-b"] = TwoNodeCluster.Paths.Count }, ChecksPerNode(fromB));
    }

    private static Dictionary<string, int> ChecksPerNode(JsonElement cluster) => cluster.GetProperty("nodes").EnumerateArray()
        .ToDictionary(node => node.GetProperty("id").GetString()!, node => node.GetProperty("checks").GetInt32());

    private static async Task<JsonElement> WaitForLedgerDownAsync(PushServer node)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var status = await node.Http.GetFromJsonAsync<JsonElement>("api/v1/status");
            var ledger = status.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("service").GetString() == "Ledger");
            if (ledger.GetProperty("state").GetString() == "down")
            {
                return ledger;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Node B's /api/v1/status still shows Ledger {ledger.GetProperty("state")} 10 s after the push to node A");
            }

            await Task.Delay(100);
        }
    }
}
