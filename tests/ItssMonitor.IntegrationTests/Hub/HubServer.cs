using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>
/// The real server process with a monitoring file of push checks that go down on one failure, so a test makes a
/// service change state at once by POSTing a sample to <c>/api/v1/samples</c>.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    public const string ApiKey = "hub-tests-key-3c9f2a7e51d84b06";

    /// <summary>Teams and tags chosen so every filter has services that match it and services that do not.</summary>
    public const string MonitoringFile = """
        services:
          - name: Payments API
            team: payments
            tags: [prod, eu]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
          - name: Payments Batch
            team: payments
            tags: [staging]
            failuresBeforeDown: 1
            checks:
              - { name: job, kind: push, interval: 1h }
          - name: Ledger
            team: finance
            tags: [prod]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
              - { name: db, kind: push, interval: 1h }
          - name: Search
            team: web
            tags: [prod, eu]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
        """;

    public static readonly IReadOnlyList<string> Services = ["Payments API", "Payments Batch", "Ledger", "Search"];

    private static readonly object LastTimestampLock = new();
    private static DateTimeOffset _lastTimestamp;

    private readonly DirectoryInfo _files;

    private HubServer(ServerProcess process, DirectoryInfo files)
    {
        Process = process;
        _files = files;
        Http = new HttpClient { BaseAddress = process.Url, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public ServerProcess Process { get; }

    public HttpClient Http { get; }

    public Uri HubUrl => new(Process.Url, "hubs/status");

    public static async Task<HubServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var files = Directory.CreateTempSubdirectory("itss-hub-test-");
        var file = Path.Combine(files.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(file, MonitoringFile);
        var environment = new Dictionary<string, string>
        {
            ["Monitoring__File"] = file,
            ["Ingest__ApiKeys__0__Name"] = "hub-tests",
            ["Ingest__ApiKeys__0__Key"] = ApiKey,
            // The coalescing test sends 50 requests at once.
            ["Ingest__RequestsPerSecond"] = "1000",
            ["Ingest__RequestBurst"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new HubServer(await ServerProcess.StartAsync(environment), files);
    }

    /// <summary>
    /// Pushes one sample for the service's first check, stamped later than any sample pushed before it (the board
    /// ignores a sample no newer than the check's last one, and two pushes may fall in the same millisecond).
    /// </summary>
    public Task PushAsync(string service, bool up, double latencyMs) => PushAsync(service, up, latencyMs, NextTimestamp());

    public async Task PushAsync(string service, bool up, double latencyMs, DateTimeOffset timestamp)
    {
        var check = service switch
        {
            "Payments Batch" => "job",
            _ => "api",
        };
        var body = JsonSerializer.Serialize(new
        {
            samples = new[]
            {
                new { service, check, up, latencyMs, timestamp = timestamp.ToString("O", CultureInfo.InvariantCulture) },
            },
        });
        using var response = await Http.PostAsync("api/v1/samples", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"push of {service} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Now, or a millisecond after the last timestamp handed out, whichever is later.</summary>
    public static DateTimeOffset NextTimestamp()
    {
        lock (LastTimestampLock)
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddMilliseconds(1);
            return _lastTimestamp;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        _files.Delete(recursive: true);
    }
}
