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
            ["Jobs__SlaEvaluationSchedule"] = $"*/{Tick.TotalSeconds} * * * * *",
            ["Jobs__SecurityEvaluationSchedule"] = $"*/{Tick.TotalSeconds} * * * * *",
        };

        // One after the other, so that the first creates Hangfire's schema and the second finds it.
        var started = DateTimeOffset.UtcNow;
        await using var first = await ServerProcess.StartAsync(environment);
        await using var second = await ServerProcess.StartAsync(environment);

        using (var onFirst = await first.CreateClientAsync())
        using (var onSecond = await second.CreateClientAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("hangfire")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("hangfire/recurring")).StatusCode);
        }

        await Task.Delay(Tick * 6);
        await first.StopAsync();
        await second.StopAsync();
        var stopped = DateTimeOffset.UtcNow;
        var ticks = stopped.ToUnixTimeMilliseconds() / (long)Tick.TotalMilliseconds - started.ToUnixTimeMilliseconds() / (long)Tick.TotalMilliseconds;

        var created = (await JobsAsync(connectionString, "RollupJob")).Select(job => job.Created).ToList();
        var runs = RollupRuns().Count(first.Output) + RollupRuns().Count(second.Output);

        Assert.True(created.Count >= 3, $"expected at least 3 ticks in {Tick * 6}, got {created.Count}");
        // Each tick creates one job, not one per node: two nodes scheduling on their own would make about twice
        // as many. One more than the ticks counted is allowed, since a busy machine may create a tick's job late
        // and the first tick around registration is counted loosely (so times are not compared either).
        Assert.True(created.Count <= ticks + 1, $"{created.Count} rollup jobs for {ticks} ticks, created at {string.Join(", ", created.Select(time => time.ToString("HH:mm:ss.fff")))}");
        // And each job ran on one node only (the last may have been created as the nodes stopped).
        Assert.InRange(runs, created.Count - 1, created.Count);

        // The evaluation jobs likewise: one job per tick, and each taken up by one node only, once (Hangfire records
        // a Processing state each time a node starts a job).
        foreach (var job in new[] { "SlaEvaluationJob", "SecurityEvaluationJob" })
        {
            var jobs = await JobsAsync(connectionString, job);
            Assert.True(jobs.Count >= 3, $"expected at least 3 {job} ticks in {Tick * 6}, got {jobs.Count}");
            Assert.True(jobs.Count <= ticks + 1, $"{jobs.Count} {job}s for {ticks} ticks");
            Assert.All(jobs, run => Assert.InRange(run.Processed, 0, 1));
            Assert.InRange(jobs.Count(run => run.Processed == 1), jobs.Count - 1, jobs.Count);
        }
    }

    /// <summary>The jobs of one class in creation order, with how many times a node started each.</summary>
    private static async Task<List<(DateTime Created, int Processed)>> JobsAsync(string connectionString, string jobClass)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT job.createdat, (SELECT count(*) FROM hangfire.state WHERE state.jobid = job.id AND state.name = 'Processing')::int
            FROM hangfire.job WHERE job.invocationdata::text LIKE @class ORDER BY job.createdat
            """,
            connection);
        query.Parameters.AddWithValue("class", $"%{jobClass}%");
        await using var reader = await query.ExecuteReaderAsync();
        var jobs = new List<(DateTime, int)>();
        while (await reader.ReadAsync())
        {
            jobs.Add((reader.GetDateTime(0), reader.GetInt32(1)));
        }

        return jobs;
    }

    [GeneratedRegex("Rollup job: ")]
    private static partial Regex RollupRuns();
}
