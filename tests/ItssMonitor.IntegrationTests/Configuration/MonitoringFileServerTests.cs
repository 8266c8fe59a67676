using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Sqlite;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Configuration;

/// <summary>The real server process started with <c>Monitoring__File</c>, as an operator would.</summary>
public sealed class MonitoringFileServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("itss-monitoring-file-").FullName;

    private string FilePath => Path.Combine(_directory, "monitoring.yaml");

    [Fact]
    public async Task A_broken_monitoring_file_stops_the_start_with_every_error_and_no_stack_trace()
    {
        File.WriteAllText(FilePath, "services:\n  - name: Payments API\n    checks:\n      - { name: db, kind: tcp, host: db.example, port: http }\n      - { name: health, kind: htp }\n");

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Monitoring__File"] = FilePath });

        Assert.Equal(1, exitCode);
        Assert.Contains("ItssMonitor cannot start: the configuration is invalid.", output);
        Assert.Contains($"  - {FilePath}:4:56: services[0].checks[0].port: expected a port number from 1 to 65535, got \"http\"", output);
        Assert.Contains($"  - {FilePath}:5:31: services[0].checks[1].kind: unknown kind \"htp\" (did you mean \"http\"?)", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public async Task A_valid_monitoring_file_replaces_the_demo_estate()
    {
        var closedPort = FreePort.Next();
        File.WriteAllText(FilePath, $$"""
            services:
              - name: Closed Door
                team: qa
                checks:
                  - { name: health, kind: http, url: "http://127.0.0.1:{{closedPort}}/health", interval: 1s, timeout: 500ms }
            """);

        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Monitoring__File"] = FilePath });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var alive = await http.GetAsync(new Uri(server.Url, "healthz"));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        var sample = await FirstSampleAsync(server);
        Assert.Equal(("Closed Door", "health", false), (sample.Service, sample.Check, sample.Up));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The check runs every second, so its first sample lands within a few seconds; no demo service may appear.</summary>
    private static async Task<ItssMonitor.Core.Samples.CheckSample> FirstSampleAsync(ServerProcess server)
    {
        var store = new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(server.WorkingDirectory, "data", "samples.db") });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            try
            {
                if ((await store.GetLatestAsync(CancellationToken.None)) is [var only])
                {
                    return only;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The server has not created its store yet.
            }
        }

        Assert.Fail($"No sample of the file's one check within 30 s. Server output:\n{server.Output}");
        return null!;
    }
}
