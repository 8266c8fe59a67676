using System.Net;
using System.Text.RegularExpressions;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Jobs;

/// <summary>Two server processes sharing Hangfire storage on a real PostgreSQL: one schedule, one run per tick.</summary>
public sealed partial class SharedJobQueueTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Two_nodes_sharing_PostgreSQL_run_each_tick_of_a_recurring_job_once()
    {
        var database = TestData.UniqueName("hangfire");
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database }.ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["Hangfire__Postgres"] = connectionString,
            ["Hangfire__SchedulePollingInterval"] = "00:00:00.500",
            ["Jobs__RollupSchedule"] = $"*/{Tick.TotalSeconds} * * * * *",
        };

        // One after the other, so that the first creates Hangfire's schema and the second finds it.
        var started = DateTimeOffset.UtcNow;
        await using var first = await ServerProcess.StartAsync(environment);
        await using var second = await ServerProcess.StartAsync(environment);

        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(first.Url, "hangfire"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(second.Url, "hangfire/recurring"))).StatusCode);
        }

        await Task.Delay(Tick * 6);
        await first.StopAsync();
        await second.StopAsync();
        var stopped = DateTimeOffset.UtcNow;
        var ticks = stopped.ToUnixTimeMilliseconds() / (long)Tick.TotalMilliseconds - started.ToUnixTimeMilliseconds() / (long)Tick.TotalMilliseconds;

        var created = await RollupJobsCreatedAsync(connectionString);
        var runs = RollupRuns().Count(first.Output) + RollupRuns().Count(second.Output);

        Assert.True(created.Count >= 3, $"expected at least 3 ticks in {Tick * 6}, got {created.Count}");
        // Each tick creates one job, not one per node: two nodes scheduling on their own would make about twice
        // as many. One more than the ticks counted is allowed, since a busy machine may create a tick's job late
        // and the first tick around registration is counted loosely (so times are not compared either).
        Assert.True(created.Count <= ticks + 1, $"{created.Count} rollup jobs for {ticks} ticks, created at {string.Join(", ", created.Select(time => time.ToString("HH:mm:ss.fff")))}");
        // And each job ran on one node only (the last may have been created as the nodes stopped).
        Assert.InRange(runs, created.Count - 1, created.Count);
    }

    private static async Task<List<DateTime>> RollupJobsCreatedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT createdat FROM hangfire.job WHERE invocationdata::text LIKE '%RollupJob%' ORDER BY createdat", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var created = new List<DateTime>();
        while (await reader.ReadAsync())
        {
            created.Add(reader.GetDateTime(0));
        }

        return created;
    }

    [GeneratedRegex("Rollup job: ")]
    private static partial Regex RollupRuns();
}
