using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Writing;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Stores;

/// <summary>Has an InfluxDB server of its own, because it stops it.</summary>
public sealed class InfluxOutageTests(InfluxDbServer influx) : IClassFixture<InfluxDbServer>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly DirectoryInfo _spool = Directory.CreateTempSubdirectory("itss-spool-");

    [Fact]
    public async Task Samples_written_while_InfluxDB_is_down_are_spooled_and_all_arrive_once_when_it_is_back()
    {
        var database = UniqueName("outage");
        await influx.CreateDatabaseAsync(database);
        var store = new InfluxSampleStore(
            _http,
            new InfluxOptions { Url = influx.Url.ToString(), Database = database, Token = influx.Token, Org = influx.Org, Timeout = TimeSpan.FromSeconds(1) },
            NullLogger<InfluxSampleStore>.Instance);
        using var writer = new SampleWriter(
            store,
            new SampleWriterOptions { BatchSize = 50, FlushInterval = TimeSpan.FromMilliseconds(100), SpoolDirectory = _spool.FullName, MaxRetryDelay = TimeSpan.FromMilliseconds(500) },
            TimeProvider.System,
            NullLogger<SampleWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        const int total = 600;
        var spooledDuringOutage = 0L;
        for (var i = 0; i < total; i++)
        {
            if (i == 200)
            {
                await influx.StopAsync();
            }

            if (i == 400)
            {
                spooledDuringOutage = writer.Spool.PendingSamples;
                await influx.StartAsync();
            }

            await writer.AddAsync(Sample("Payments", "health", i * 0.01, latencyMs: i), CancellationToken.None);
            await Task.Delay(2);
        }

        var window = new TimeWindow(T0, T0.AddMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        SampleStatistics? statistics;
        do
        {
            await Task.Delay(200);
            statistics = await store.GetStatisticsAsync(SampleScope.ForService("Payments"), window, CancellationToken.None);
        }
        while (statistics?.SampleCount != total && DateTime.UtcNow < deadline);

        await writer.StopAsync(CancellationToken.None);
        Assert.True(spooledDuringOutage > 0, "samples should have gone to the spool while InfluxDB was down");
        Assert.Equal(total, statistics?.SampleCount);
        Assert.True(writer.Spool.IsEmpty);
    }

    public void Dispose()
    {
        _http.Dispose();
        _spool.Delete(recursive: true);
    }
}
