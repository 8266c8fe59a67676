using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// The real server process with a monitoring file of the test's own and the settings it needs, an ingest key to push
/// check results and security facts with, and the alerts API: the whole early-warning chain as an operator has it.
/// </summary>
public sealed class EarlyWarningServer : IAsyncDisposable
{
    private const string ApiKey = "early-warning-key-5d1e8a0c7b";

    private readonly DirectoryInfo _files;
    private readonly HttpClient _ingest;

    private EarlyWarningServer(ServerProcess process, DirectoryInfo files)
    {
        Process = process;
        _files = files;
        _ingest = new HttpClient { BaseAddress = process.Url, Timeout = TimeSpan.FromSeconds(30) };
        _ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        Api = new AlertApi(process.Url);
    }

    public ServerProcess Process { get; }

    public AlertApi Api { get; }

    public static async Task<EarlyWarningServer> StartAsync(string monitoringFile, IReadOnlyDictionary<string, string> settings)
    {
        var files = Directory.CreateTempSubdirectory("itss-early-warning-");
        var file = Path.Combine(files.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(file, monitoringFile);
        var environment = new Dictionary<string, string>(settings)
        {
            ["Monitoring__File"] = file,
            ["Ingest__ApiKeys__0__Name"] = "early-warning-tests",
            ["Ingest__ApiKeys__0__Key"] = ApiKey,
            ["Ingest__RequestsPerSecond"] = "1000",
            ["Ingest__RequestBurst"] = "1000",
        };
        try
        {
            return new EarlyWarningServer(await ServerProcess.StartAsync(environment), files);
        }
        catch
        {
            files.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Pushes check results (<c>type: check</c>) or security facts (<c>type: security</c>) to <c>/api/v1/samples</c>; all must be accepted.</summary>
    public async Task PushAsync(params object[] samples)
    {
        var body = JsonSerializer.Serialize(new { samples });
        using var response = await _ingest.PostAsync("api/v1/samples", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>One check result of <paramref name="service"/>'s check <paramref name="check"/>, as pushed JSON.</summary>
    public static object CheckResult(string service, string check, bool up, DateTimeOffset timestamp) => new
    {
        service,
        check,
        up,
        latencyMs = up ? 20.0 : 0.0,
        timestamp = timestamp.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>A time as the monitoring file takes it (ISO 8601 in UTC, whole seconds).</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Polls <c>GET {path}</c> until <paramref name="done"/> holds for its JSON answer; fails after 60 s showing the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, _, body) = await Api.GetAsync(path);
            if (body.ValueKind != JsonValueKind.Undefined && done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within 60 s; last answer of {path}: {body}\nserver output:\n{Process.Output}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        _ingest.Dispose();
        await Process.DisposeAsync();
        _files.Delete(recursive: true);
    }
}
