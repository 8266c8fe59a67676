using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage;
using ItssMonitor.Storage.Influx;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Stores;

/// <summary>Against an InfluxDB that wants credentials: user and password on 1.x, a token on 2.x.</summary>
public sealed class InfluxAuthenticationTests : IAsyncLifetime
{
    private readonly InfluxDbServer _influx = InfluxDbServer.RequiringLogin();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _database = UniqueName("auth");

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        await _influx.CreateDatabaseAsync(_database);
    }

    [Fact]
    public async Task The_right_credentials_write_and_read()
    {
        var store = CreateStore(Credentials(wrong: false));

        await store.WriteAsync([Sample("A", "health", 0)], CancellationToken.None);

        await store.CheckReadyAsync(CancellationToken.None);
        Assert.Single(await store.GetLatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_with_the_settings_to_check_and_samples_are_kept_not_dropped()
    {
        var store = CreateStore(Credentials(wrong: true));

        var notReady = await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.CheckReadyAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.WriteAsync([Sample("A", "health", 0)], CancellationToken.None));

        Assert.Contains("refused the credentials (HTTP 401", notReady.Message);
        Assert.Contains("Storage:Influx:Token, or Storage:Influx:Username and Password", notReady.Message);
    }

    [Fact]
    public async Task A_server_given_wrong_credentials_starts_but_is_not_ready_and_says_why()
    {
        var environment = new Dictionary<string, string> { ["Storage__Influx__Url"] = _influx.Url.ToString(), ["Storage__Influx__Database"] = _database };
        foreach (var (key, value) in Credentials(wrong: true))
        {
            environment["Storage__Influx__" + key] = value;
        }

        await using var server = await ServerProcess.StartAsync(environment);
        using var ready = await _http.GetAsync(new Uri(server.Url, "readyz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("refused the credentials (HTTP 401", await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain("wrong-secret", server.Output);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _influx.DisposeAsync();
    }

    private Dictionary<string, string> Credentials(bool wrong)
    {
        var secret = wrong ? "wrong-secret" : null;
        return _influx.Token is not null
            ? new() { ["Token"] = secret ?? _influx.Token, ["Org"] = _influx.Org! }
            : new() { ["Username"] = _influx.Username!, ["Password"] = secret ?? _influx.Password! };
    }

    private InfluxSampleStore CreateStore(Dictionary<string, string> credentials) => new(
        _http,
        new InfluxOptions
        {
            Url = _influx.Url.ToString(),
            Database = _database,
            Token = credentials.GetValueOrDefault("Token"),
            Org = credentials.GetValueOrDefault("Org"),
            Username = credentials.GetValueOrDefault("Username"),
            Password = credentials.GetValueOrDefault("Password"),
        },
        NullLogger<InfluxSampleStore>.Instance);
}
