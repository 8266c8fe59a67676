using System.Net.Http.Headers;
using System.Text;
using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Sqlite;

namespace ItssMonitor.IntegrationTests.Ingest;

/// <summary>The real server process with ingest API keys configured, and its SQLite store to read what it accepted.</summary>
public sealed class IngestServer : IAsyncDisposable
{
    public const string AgentKey = "agent-key-5f1c0a9e7d3b4c21";
    public const string TelegrafKey = "telegraf-key-8b2e6d4f0a1c3e57";

    private IngestServer(ServerProcess process)
    {
        Process = process;
        Http = new HttpClient { BaseAddress = process.Url, Timeout = TimeSpan.FromSeconds(30) };
        Store = new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(process.WorkingDirectory, "data", "samples.db") });
    }

    public ServerProcess Process { get; }

    public HttpClient Http { get; }

    public SqliteSampleStore Store { get; }

    public static async Task<IngestServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Ingest__ApiKeys__0__Name"] = "agent",
            ["Ingest__ApiKeys__0__Key"] = AgentKey,
            ["Ingest__ApiKeys__1__Name"] = "telegraf",
            ["Ingest__ApiKeys__1__Key"] = TelegrafKey,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new IngestServer(await ServerProcess.StartAsync(environment));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? key = AgentKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string json, string? key = AgentKey) =>
        PostAsync("api/v1/samples", new StringContent(json, Encoding.UTF8, "application/json"), key);

    public Task<HttpResponseMessage> WriteAsync(string lines, string query = "", string? key = AgentKey) =>
        PostAsync("api/v1/write" + query, new StringContent(lines, Encoding.UTF8, "text/plain"), key);

    /// <summary>The newest sample of each named service, waiting for the writer's flush (1 s) for up to 10 s.</summary>
    public async Task<IReadOnlyList<CheckSample>> WaitForLatestAsync(params string[] services)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<CheckSample> found = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                found = [.. (await Store.GetLatestAsync(CancellationToken.None)).Where(sample => services.Contains(sample.Service))];
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The server has not created the database yet.
            }

            if (found.Select(sample => sample.Service).Distinct().Count() == services.Length)
            {
                return found;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Samples of {string.Join(", ", services)} were not stored within 10 s (found {found.Count}). Server output:\n{Process.Output}");
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
