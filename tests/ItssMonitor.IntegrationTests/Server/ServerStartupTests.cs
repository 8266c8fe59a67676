using System.Net;
using System.Text.Json;
using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage;
using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Sqlite;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.IntegrationTests.Server;

/// <summary>The server as an operator starts it: the real process, configured through environment variables.</summary>
[Collection(InfluxCollection.Name)]
public sealed class ServerStartupTests(InfluxDbServer influx) : IDisposable
{
    private static readonly string[] DemoServices = ["Customer Portal", "Identity", "Ledger", "Payments API", "Reporting", "Search"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Without_InfluxDB_the_demo_estate_is_probed_into_SQLite_within_seconds()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        var store = new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(server.WorkingDirectory, "data", "samples.db") });

        var latest = await WaitForEveryDemoServiceAsync(store, server);

        Assert.All(latest, sample => Assert.Equal("http", sample.Kind));
        Assert.Contains(latest, sample => sample is { Up: true, StatusCode: 200, LatencyMs: > 0 });
        using var ready = await _http.GetAsync(new Uri(server.Url, "readyz"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("SQLite at", await ready.Content.ReadAsStringAsync());

        // The live status follows the same samples: the demo's Payments API never fails.
        using var viewer = await server.CreateClientAsync();
        using var status = JsonDocument.Parse(await viewer.GetStringAsync(new Uri(server.Url, "api/v1/status")));
        var checks = status.RootElement.GetProperty("services").EnumerateArray().SelectMany(service => service.GetProperty("checks").EnumerateArray()).ToList();
        Assert.Equal(DemoServices, checks.Select(c => c.GetProperty("service").GetString()).Order());
        Assert.Equal("up", checks.Single(c => c.GetProperty("service").GetString() == "Payments API").GetProperty("state").GetString());

        // prometheus-net copies meter readings into its registry on a timer, so the first count can lag a moment.
        var written = new System.Text.RegularExpressions.Regex(@"(?m)^itssmonitor_storage_samples_written [1-9]");
        var metrics = "";
        for (var attempt = 0; attempt < 50 && !written.IsMatch(metrics); attempt++)
        {
            await Task.Delay(200);
            metrics = await viewer.GetStringAsync(new Uri(server.Url, "metrics"));
        }

        Assert.Matches(written, metrics);
        Assert.DoesNotContain("msquic", metrics);
    }

    [Fact]
    public async Task With_InfluxDB_configured_check_results_land_there_with_the_documented_schema()
    {
        var database = TestData.UniqueName("server");
        await influx.CreateDatabaseAsync(database);
        await using var server = await ServerProcess.StartAsync(InfluxEnvironment(influx.Url.ToString(), database));
        var store = new InfluxSampleStore(_http, new InfluxOptions { Url = influx.Url.ToString(), Database = database, Token = influx.Token, Org = influx.Org }, NullLogger<InfluxSampleStore>.Instance);

        await WaitForEveryDemoServiceAsync(store, server);

        var fieldTypes = await QueryPairsAsync(database, "SHOW FIELD KEYS FROM check_result");
        Assert.Equal("integer", fieldTypes["up"]);
        Assert.Equal("float", fieldTypes["latency_ms"]);
        Assert.Equal("integer", fieldTypes["status_code"]);
        var tagKeys = await QueryPairsAsync(database, "SHOW TAG KEYS FROM check_result");
        Assert.Equal(["check", "kind", "service"], tagKeys.Keys.Order());
        using var ready = await _http.GetAsync(new Uri(server.Url, "readyz"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_malformed_InfluxDB_url_stops_the_start_with_a_message_naming_the_setting()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(InfluxEnvironment("localhost:8086", "itss"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Storage:Influx:Url 'localhost:8086' is not an absolute http:// or https:// URL", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_stops_the_start_with_a_message_naming_it()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Storage__Writer__FlushInterval"] = "soon" });

        Assert.Equal(1, exitCode);
        Assert.Contains("'soon' at 'Storage:Writer:FlushInterval'", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task An_unreachable_InfluxDB_leaves_the_server_alive_but_not_ready_and_says_why()
    {
        var closedPort = FreePort.Next();
        await using var server = await ServerProcess.StartAsync(InfluxEnvironment($"http://127.0.0.1:{closedPort}", "itss"));

        using var ready = await _http.GetAsync(new Uri(server.Url, "readyz"));
        using var alive = await _http.GetAsync(new Uri(server.Url, "healthz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains($"InfluxDB at http://127.0.0.1:{closedPort} (database 'itss') is unreachable", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private Dictionary<string, string> InfluxEnvironment(string url, string database)
    {
        var environment = new Dictionary<string, string> { ["Storage__Influx__Url"] = url, ["Storage__Influx__Database"] = database };
        if (influx.Token is not null)
        {
            environment["Storage__Influx__Token"] = influx.Token;
            environment["Storage__Influx__Org"] = influx.Org!;
        }

        return environment;
    }

    /// <summary>Every demo check runs within its 10 s interval, so each demo service has a sample within about 10 s.</summary>
    private static async Task<IReadOnlyList<CheckSample>> WaitForEveryDemoServiceAsync(ISampleStore store, ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<CheckSample> latest = [];
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            try
            {
                latest = await store.GetLatestAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is SampleStoreUnavailableException or Microsoft.Data.Sqlite.SqliteException)
            {
                continue;
            }

            if (latest.Select(sample => sample.Service).Distinct().Count() == DemoServices.Length)
            {
                Assert.Equal(DemoServices, latest.Select(sample => sample.Service).Distinct().Order());
                return latest;
            }
        }

        Assert.Fail($"Not every demo service had a sample after 30 s (got {string.Join(", ", latest.Select(s => s.Service))}). Server output:\n{server.Output}");
        return latest;
    }

    /// <summary>The first two columns of every row of an InfluxQL answer, e.g. field key and type.</summary>
    private async Task<Dictionary<string, string>> QueryPairsAsync(string database, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(influx.Url, $"query?db={database}&q={Uri.EscapeDataString(query)}"));
        if (influx.Token is not null)
        {
            request.Headers.Authorization = new("Token", influx.Token);
        }

        using var response = await _http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray()
            .ToDictionary(row => row[0].GetString()!, row => row.GetArrayLength() > 1 ? row[1].GetString()! : "");
    }
}
