using System.Net;
using System.Net.Sockets;
using ItssMonitor.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;

namespace ItssMonitor.IntegrationTests.Agent;

/// <summary>The standalone agent, as a process, probing from its own site and pushing to a real server process.</summary>
public sealed class AgentTests : IAsyncLifetime
{
    private const string ApiKey = "branch-office-key-0123456789";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("itss-agent-test-");
    private readonly TcpListener _target = new(IPAddress.Loopback, 0);
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _target.Start();
        var serverFile = Path.Combine(_files.FullName, "server.yaml");
        await File.WriteAllTextAsync(serverFile, """
            services:
              - name: Branch Shop
                team: retail
                checks:
                  - { name: till, kind: push, interval: 30s }
            """);
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Monitoring__File"] = serverFile,
            ["Ingest__ApiKeys__0__Name"] = "branch-office",
            ["Ingest__ApiKeys__0__Key"] = ApiKey,
        });
    }

    [Fact]
    public async Task Samples_probed_while_the_server_is_down_are_kept_and_arrive_in_full_when_it_is_back()
    {
        await using var agent = await StartAgentAsync(ApiKey);
        var database = Path.Combine(_server.WorkingDirectory, "data", "samples.db");
        await WaitUntilAsync(async () => (await SampleTimesAsync(database)).Count >= 3, "the first samples from the agent", agent);

        await _server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await _server.StartAgainAsync();
        var beforeOutage = (await SampleTimesAsync(database)).Count;
        await WaitUntilAsync(async () => (await SampleTimesAsync(database)).Count >= beforeOutage + 8, "the samples probed during the outage", agent);
        await agent.StopAsync();

        var times = await SampleTimesAsync(database);
        var gaps = times.Zip(times.Skip(1), (earlier, later) => later - earlier).ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(9), $"samples should span the outage, got {times[0]:O} to {times[^1]:O}");
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1_500)));
        Assert.Contains("samples kept in the spool", agent.Output);
        Assert.Contains("Spool replayed", agent.Output);
    }

    [Fact]
    public async Task An_agent_with_a_key_the_server_does_not_know_says_so_and_keeps_its_samples()
    {
        await using var agent = await StartAgentAsync("not-a-key-the-server-knows");

        await WaitUntilAsync(() => Task.FromResult(agent.Output.Contains("refused the API key (HTTP 403)")), "the agent to report the refused key", agent);

        Assert.Empty(await SampleTimesAsync(Path.Combine(_server.WorkingDirectory, "data", "samples.db")));
        Assert.Contains("check Agent:ApiKey", agent.Output);
    }

    [Fact]
    public async Task An_agent_without_a_location_refuses_to_start_and_says_which_setting_is_missing()
    {
        await using var agent = ServerProcess.StartAgent(new Dictionary<string, string>
        {
            ["Agent__ServerUrl"] = _server.Url.ToString(),
            ["Agent__ApiKey"] = ApiKey,
            ["Monitoring__File"] = await WriteAgentFileAsync(),
        });

        await WaitUntilAsync(() => Task.FromResult(agent.Output.Contains("Monitoring:Location is required")), "the start-up error", agent);

        Assert.DoesNotContain("   at ", agent.Output);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _target.Stop();
        _files.Delete(recursive: true);
    }

    private async Task<ServerProcess> StartAgentAsync(string apiKey) => ServerProcess.StartAgent(new Dictionary<string, string>
    {
        ["Agent__ServerUrl"] = _server.Url.ToString(),
        ["Agent__ApiKey"] = apiKey,
        ["Agent__Timeout"] = "00:00:02",
        ["Monitoring__File"] = await WriteAgentFileAsync(),
        ["Monitoring__Location"] = "branch-1",
        ["Storage__Writer__FlushInterval"] = "00:00:00.200",
        ["Storage__Writer__MaxRetryDelay"] = "00:00:01",
    });

    /// <summary>The agent probes the till over TCP every second; on the server the same check is declared as push.</summary>
    private async Task<string> WriteAgentFileAsync()
    {
        var path = Path.Combine(_files.FullName, "agent.yaml");
        var port = ((IPEndPoint)_target.LocalEndpoint).Port;
        await File.WriteAllTextAsync(path, $$"""
            services:
              - name: Branch Shop
                team: retail
                checks:
                  - { name: till, kind: tcp, host: 127.0.0.1, port: {{port}}, interval: {{Interval.TotalSeconds}}s, timeout: 500ms }
            """);
        return path;
    }

    private static async Task<List<DateTimeOffset>> SampleTimesAsync(string database)
    {
        if (!File.Exists(database))
        {
            return [];
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT time_ms FROM check_result WHERE location = 'branch-1' AND service = 'Branch Shop' AND check_name = 'till' ORDER BY time_ms";
        var times = new List<DateTimeOffset>();
        try
        {
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                times.Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
            }
        }
        catch (SqliteException)
        {
            // The server has not created its tables yet.
        }

        return times;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, ServerProcess agent)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}. Agent output:\n{agent.Output}");
            }

            await Task.Delay(200);
        }
    }
}
