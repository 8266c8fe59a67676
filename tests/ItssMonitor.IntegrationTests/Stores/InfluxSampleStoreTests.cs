using System.Text;
using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage;
using ItssMonitor.Storage.Influx;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Stores;

[Collection(InfluxCollection.Name)]
public sealed class InfluxSampleStoreTests(InfluxDbServer influx) : SampleStoreContract, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _database = UniqueName("contract");

    protected override async Task<ISampleStore> CreateEmptyStoreAsync()
    {
        await influx.CreateDatabaseAsync(_database);
        return CreateStore(influx.Url.ToString());
    }

    [Fact]
    public async Task A_write_with_a_field_type_conflict_stores_the_valid_samples_and_reports_the_dropped_ones()
    {
        // latency_ms is written as an integer first, so our float latencies conflict with it.
        using var preset = new HttpRequestMessage(HttpMethod.Post, new Uri(influx.Url, $"write?db={_database}&precision=ms"))
        {
            Content = new StringContent($"check_result,service=A,check=health,kind=http latency_ms=1i,up=1i {T0.ToUnixTimeMilliseconds()}\n", Encoding.UTF8),
        };
        if (influx.Token is not null)
        {
            preset.Headers.Authorization = new("Token", influx.Token);
        }

        (await _http.SendAsync(preset)).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<SampleWriteRejectedException>(() => Store.WriteAsync(
            [Sample("A", "health", 1, latencyMs: 5), Sample("A", "health", 2, up: false, latencyMs: null), Sample("A", "health", 3, latencyMs: 6)],
            CancellationToken.None));

        Assert.Equal(2, error.DroppedSamples);
        Assert.Contains("field type conflict", error.Message);
        var stored = await Store.GetStatisticsAsync(SampleScope.ForCheck("A", "health"), new TimeWindow(T0, T0.AddMinutes(1)), CancellationToken.None);
        Assert.Equal(2, stored!.SampleCount);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_yet_is_created_by_the_first_write_where_the_server_allows_it()
    {
        var database = UniqueName("created");
        var store = CreateStore(influx.Url.ToString(), database);

        if (influx.Token is null)
        {
            await store.WriteAsync([Sample("A", "health", 0)], CancellationToken.None);
            Assert.Single(await store.GetLatestAsync(CancellationToken.None));
        }
        else
        {
            // InfluxDB 2.x/3.x: buckets are not created through the v1 API; the samples are kept, and the error names the database.
            var error = await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.WriteAsync([Sample("A", "health", 0)], CancellationToken.None));
            Assert.Contains(database, error.Message);
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_as_unavailable_with_its_address()
    {
        var closedPort = FreePort.Next();
        var store = CreateStore($"http://127.0.0.1:{closedPort}");

        var error = await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.CheckReadyAsync(CancellationToken.None));

        Assert.Contains($"InfluxDB at http://127.0.0.1:{closedPort}", error.Message);
        Assert.Contains("is unreachable", error.Message);
        await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.WriteAsync([Sample("A", "health", 0)], CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_times_out_instead_of_hanging()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var store = CreateStore($"http://127.0.0.1:{port}", timeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<SampleStoreUnavailableException>(() => store.CheckReadyAsync(CancellationToken.None));

        Assert.Contains("did not answer within 0.5 s", error.Message);
    }

    public void Dispose() => _http.Dispose();

    private InfluxSampleStore CreateStore(string url, string? database = null, TimeSpan? timeout = null) => new(
        _http,
        new InfluxOptions { Url = url, Database = database ?? _database, Token = influx.Token, Org = influx.Org, Timeout = timeout ?? TimeSpan.FromSeconds(10) },
        NullLogger<InfluxSampleStore>.Instance);
}
