using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>
/// The real server process with a monitoring file of the test's own (in a temporary directory deleted on disposal)
/// and one ingest API key, so a test feeds it samples by POSTing JSON to <c>/api/v1/samples</c> as an agent does.
/// </summary>
public sealed class PushServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions SampleJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly object LastTimestampLock = new();
    private static DateTimeOffset _lastTimestamp;

    private readonly DirectoryInfo _files;

    private PushServer(ServerProcess process, DirectoryInfo files, string apiKey, Cookie session)
    {
        Process = process;
        _files = files;
        var cookies = new CookieContainer();
        cookies.Add(process.Url, session);
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = process.Url, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public ServerProcess Process { get; }

    /// <summary>A client of the server that sends the ingest key as bearer token (for the ingest API) and is signed in as the admin (for the rest).</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Writes <paramref name="monitoringFile"/>, then starts the server with it, an ingest key named
    /// <paramref name="name"/>, and <paramref name="settings"/> (which win over those two).
    /// </summary>
    public static async Task<PushServer> StartAsync(string name, string monitoringFile, IEnumerable<(string Key, string Value)> settings)
    {
        var files = Directory.CreateTempSubdirectory($"itss-{name}-");
        var apiKey = $"{name}-key-{Guid.NewGuid():N}";
        var file = Path.Combine(files.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(file, monitoringFile);
        var environment = new Dictionary<string, string>
        {
            ["Monitoring__File"] = file,
            ["Ingest__ApiKeys__0__Name"] = name,
            ["Ingest__ApiKeys__0__Key"] = apiKey,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        try
        {
            var process = await ServerProcess.StartAsync(environment);
            return new PushServer(process, files, apiKey, await process.SignInAsync());
        }
        catch
        {
            files.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>One result of <paramref name="service"/>'s check <paramref name="check"/>, as pushed JSON (nulls left out).</summary>
    public static object CheckResult(string service, string check, bool up, DateTimeOffset timestamp, double? latencyMs = null, string? error = null) => new
    {
        service,
        check,
        up,
        latencyMs,
        error,
        timestamp = timestamp.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Now, or a millisecond after the last timestamp handed out, whichever is later (the board ignores a sample no
    /// newer than the check's last one, and two pushes may fall in the same millisecond).
    /// </summary>
    public static DateTimeOffset NextTimestamp()
    {
        lock (LastTimestampLock)
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddMilliseconds(1);
            return _lastTimestamp;
        }
    }

    /// <summary>Pushes check results or security facts to <c>/api/v1/samples</c> in one request; all must be accepted.</summary>
    public async Task PushAsync(params IEnumerable<object> samples)
    {
        var body = JsonSerializer.Serialize(new { samples }, SampleJson);
        using var response = await Http.PostAsync("api/v1/samples", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        _files.Delete(recursive: true);
    }
}
