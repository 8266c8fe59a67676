using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Cluster;

/// <summary>
/// Two real server processes, <c>node-a</c> and <c>node-b</c>, on loopback: one PostgreSQL database for the relational
/// store and Hangfire, one Redis for the SignalR backplane and the sample relay, one InfluxDB database for samples,
/// and one monitoring file of eight http checks (every <see cref="Interval"/>) against a <see cref="HitCountingTarget"/>
/// plus a push check. Fixed node ids make the split of checks between the two the same on every run.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <summary>The target path each http check probes; with these ids node-a owns three, node-b five.</summary>
    public static readonly IReadOnlyList<string> Paths =
        [.. new[] { "storefront", "catalog" }.SelectMany(service => new[] { "home", "search", "cart", "login" }.Select(check => $"/{service}/{check}"))];

    private TwoNodeCluster(string database, HitCountingTarget target, PushServer nodeA, PushServer nodeB)
    {
        Database = database;
        Target = target;
        NodeA = nodeA;
        NodeB = nodeB;
    }

    /// <summary>The name of the cluster's PostgreSQL (and InfluxDB) database.</summary>
    public string Database { get; }

    public HitCountingTarget Target { get; }

    public PushServer NodeA { get; }

    public PushServer NodeB { get; }

    /// <summary>Starts both nodes, one after the other (the first creates the schemas), and waits until each lists both.</summary>
    public static async Task<TwoNodeCluster> StartAsync(PostgresServer postgres, RedisServer redis, InfluxDbServer influx)
    {
        var database = TestData.UniqueName("cluster");
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await influx.CreateDatabaseAsync(database);
        var postgresDatabase = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database }.ConnectionString;
        var settings = new List<(string, string)>
        {
            ("Storage__Postgres", postgresDatabase),
            ("Hangfire__Postgres", postgresDatabase),
            ("SignalR__Redis", redis.ConnectionString),
            ("Storage__Influx__Url", influx.Url.ToString()),
            ("Storage__Influx__Database", database),
            // The tests watch the nodes' hub, status and cluster views; signing in is tested elsewhere.
            ("Auth__AnonymousViewer", "true"),
        };
        if (influx.Token is not null)
        {
            settings.Add(("Storage__Influx__Token", influx.Token));
            settings.Add(("Storage__Influx__Org", influx.Org!));
        }

        var target = await HitCountingTarget.StartAsync();
        var file = MonitoringFile(target);
        var nodeA = await PushServer.StartAsync("cluster-a", file, [.. settings, ("Cluster__NodeId", "node-a")]);
        var nodeB = await PushServer.StartAsync("cluster-b", file, [.. settings, ("Cluster__NodeId", "node-b")]);
        var cluster = new TwoNodeCluster(database, target, nodeA, nodeB);
        await cluster.WaitForMembersAsync(nodeA, "node-a", "node-b");
        await cluster.WaitForMembersAsync(nodeB, "node-a", "node-b");
        return cluster;
    }

    /// <summary><c>GET /api/v1/cluster</c> of <paramref name="node"/>.</summary>
    public static async Task<JsonElement> ClusterOfAsync(PushServer node) => await node.Http.GetFromJsonAsync<JsonElement>("api/v1/cluster");

    /// <summary>Waits (bounded, generous) until <paramref name="node"/> lists exactly the nodes <paramref name="ids"/> as live.</summary>
    public async Task<JsonElement> WaitForMembersAsync(PushServer node, params string[] ids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var cluster = await ClusterOfAsync(node);
            var live = cluster.GetProperty("nodes").EnumerateArray().Select(member => member.GetProperty("id").GetString()!).Order().ToArray();
            if (live.SequenceEqual(ids.Order()))
            {
                return cluster;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{cluster.GetProperty("node")} lists [{string.Join(", ", live)}], not [{string.Join(", ", ids)}], after 60 s:\n{node.Process.Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits (bounded, generous) until every check's path was hit <paramref name="count"/> times after <paramref name="after"/>.</summary>
    public async Task WaitForEveryCheckAsync(DateTimeOffset after, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Paths.Any(path => Target.HitsOf(path).Count(at => at > after) < count))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not every check was probed {count} times within 60 s: " +
                    string.Join(", ", Paths.Select(path => $"{path} {Target.HitsOf(path).Count(at => at > after)}")));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Counts each check's probes, by either node, over the next four intervals: one per slot, and never two close
    /// together (a check probed by both nodes would show about twice as many, in pairs).
    /// </summary>
    public async Task AssertEachCheckProbedOncePerIntervalAsync()
    {
        const int Intervals = 4;
        var from = DateTimeOffset.UtcNow;
        var to = from + Interval * Intervals;
        await WaitForEveryCheckAsync(to, count: 1);
        foreach (var path in Paths)
        {
            var hits = Target.HitsOf(path).Where(at => at >= from && at < to).ToList();
            // A window of four intervals holds four slots, give or take one at its edges.
            Assert.True(hits.Count is >= Intervals - 1 and <= Intervals + 1, $"{path} was probed {hits.Count} times in {Intervals} intervals");
            var closest = hits.Zip(hits.Skip(1), (first, second) => second - first).DefaultIfEmpty(Interval).Min();
            Assert.True(closest > Interval / 2, $"{path} was probed twice within {closest.TotalMilliseconds:0} ms");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        await Target.DisposeAsync();
    }

    private static string MonitoringFile(HitCountingTarget target)
    {
        var lines = new List<string> { "services:" };
        foreach (var service in Paths.GroupBy(path => path.Split('/')[1]))
        {
            lines.Add($"  - name: {service.Key}");
            lines.Add("    team: web");
            lines.Add("    checks:");
            lines.AddRange(service.Select(path =>
                $"      - {{ name: {path.Split('/')[2]}, kind: http, url: \"{new Uri(target.BaseUrl, path.TrimStart('/'))}\", interval: {Interval.TotalSeconds}s, timeout: 2s }}"));
        }

        lines.AddRange(["  - name: Ledger", "    team: finance", "    failuresBeforeDown: 1", "    checks:", "      - { name: api, kind: push, interval: 1h }"]);
        return string.Join('\n', lines) + "\n";
    }
}
