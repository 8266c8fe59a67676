using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Writing;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.Benchmarks;

/// <summary>
/// Scenario <c>ingest</c>: samples per second into a real InfluxDB through the batching writer, against
/// a baseline of the same samples, pre-encoded as line protocol, POSTed in the same batch size straight to /write.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 12)]
public class IngestBenchmark
{
    private const int Samples = 100_000;
    private const int BatchSize = 5_000;
    private const int Services = 2_000;

    private readonly HttpClient _http = new();
    private InfluxDbServer _influx = null!;
    private DirectoryInfo _spool = null!;
    private CheckSample[] _samples = [];
    private byte[][] _encodedBatches = [];
    private long _round;

    [GlobalSetup]
    public async Task StartInfluxAsync()
    {
        _influx = new InfluxDbServer();
        await _influx.InitializeAsync();
        await _influx.CreateDatabaseAsync("bench");
        _spool = Directory.CreateTempSubdirectory("itss-bench-spool-");
    }

    /// <summary>Fresh timestamps every round, so no round only overwrites the points of the one before.</summary>
    [IterationSetup]
    public void MakeSamples()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(++_round);
        _samples = Enumerable.Range(0, Samples)
            .Select(i => new CheckSample($"service {i % Services}", "health", "http", "eu-west", start.AddMilliseconds(i / Services), i % 97 != 0, 20 + i % 300 * 0.5, 200))
            .ToArray();
        _encodedBatches = _samples.Chunk(BatchSize).Select(Encode).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples, Description = "raw POST /write")]
    public async Task RawLineProtocolPost()
    {
        foreach (var batch in _encodedBatches)
        {
            using var response = await _http.PostAsync(new Uri(_influx.Url, "write?db=bench&precision=ms"), new ByteArrayContent(batch));
            response.EnsureSuccessStatusCode();
        }
    }

    [Benchmark(OperationsPerInvoke = Samples, Description = "SampleWriter")]
    public async Task ThroughTheBatchingWriter()
    {
        var store = new CountingStore(new InfluxSampleStore(_http, new InfluxOptions { Url = _influx.Url.ToString(), Database = "bench" }, NullLogger<InfluxSampleStore>.Instance));
        using var writer = new SampleWriter(store, new SampleWriterOptions { BatchSize = BatchSize, SpoolDirectory = _spool.FullName }, TimeProvider.System, NullLogger<SampleWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        foreach (var sample in _samples)
        {
            await writer.AddAsync(sample, CancellationToken.None);
        }

        while (store.Written < Samples)
        {
            await Task.Delay(1);
        }

        await writer.StopAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task StopInfluxAsync()
    {
        await _influx.DisposeAsync();
        _spool.Delete(recursive: true);
        _http.Dispose();
    }

    private static byte[] Encode(CheckSample[] batch)
    {
        var text = new StringBuilder();
        foreach (var s in batch)
        {
            text.Append(CultureInfo.InvariantCulture, $"check_result,service={s.Service.Replace(" ", "\\ ")},check={s.Check},kind={s.Kind},location={s.Location} up={(s.Up ? 1 : 0)}i,latency_ms={s.LatencyMs},status_code={s.StatusCode}i {s.Timestamp.ToUnixTimeMilliseconds()}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
