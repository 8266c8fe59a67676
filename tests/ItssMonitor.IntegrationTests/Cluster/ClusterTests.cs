using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.Core.Status;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.TestServers;
using Npgsql;

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

        await cluster.AssertEachCheckProbedOncePerIntervalAsync();
    }

    [Fact]
    public async Task While_the_membership_store_is_unreachable_each_node_keeps_probing_the_checks_it_last_owned()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);
        await SetConnectionsAllowedAsync(cluster.Database, allowed: false);
        try
        {
            await WaitForOutputAsync(cluster.NodeA, "Cluster membership store unreachable");
            await WaitForOutputAsync(cluster.NodeB, "Cluster membership store unreachable");

            // Neither node sees the other's heartbeat, and neither drops the other: no check is lost or doubled.
            await cluster.AssertEachCheckProbedOncePerIntervalAsync();
        }
        finally
        {
            await SetConnectionsAllowedAsync(cluster.Database, allowed: true);
        }

        await WaitForOutputAsync(cluster.NodeA, "Cluster membership store reachable again");
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

    /// <summary>Makes the cluster's database refuse connections (and ends those open), as a PostgreSQL outage would, or lets them in again.</summary>
    private async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(postgres.ConnectionString);
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin);
        await alter.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database", admin);
        terminate.Parameters.AddWithValue("database", database);
        await terminate.ExecuteNonQueryAsync();
    }

    private static async Task WaitForOutputAsync(PushServer node, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!node.Process.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' was not logged within 30 s:\n{node.Process.Output}");
            await Task.Delay(200);
        }
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
