using ItssMonitor.Storage.Writing;
using ItssMonitor.UnitTests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.UnitTests.Writing;

public sealed class SampleWriterTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly RecordingStore _store = new();

    [Fact]
    public async Task Writes_full_batches_at_once_and_the_rest_when_the_flush_interval_has_passed()
    {
        using var writer = Create(batchSize: 3);
        await writer.StartAsync(CancellationToken.None);

        foreach (var sample in Samples.Range(0, 7))
        {
            await writer.AddAsync(sample, CancellationToken.None);
        }

        await Eventually.TrueAsync(() => _store.Batches.Count == 2, "two full batches");
        Assert.Equal(6, _store.Written.Count());
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _store.Batches.Count == 3, "the last sample flushed");
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(Samples.Range(0, 7), _store.Written);
    }

    [Fact]
    public async Task While_the_store_is_unreachable_samples_are_spooled_then_delivered_in_order_exactly_once()
    {
        using var writer = Create(batchSize: 5);
        await writer.StartAsync(CancellationToken.None);
        await AddAsync(writer, 0, 5);
        await Eventually.TrueAsync(() => _store.Written.Count() == 5, "first batch written");

        _store.Unreachable = true;
        await AddAsync(writer, 5, 10);
        await Eventually.TrueAsync(() => writer.Spool.PendingSamples == 10, "two batches spooled");

        _store.Unreachable = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => writer.Spool.IsEmpty, "spool replayed");
        await AddAsync(writer, 15, 5);
        await Eventually.TrueAsync(() => _store.Written.Count() == 20, "later samples written directly");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(Samples.Range(0, 20), _store.Written);
    }

    [Fact]
    public async Task A_batch_the_store_refuses_is_not_retried_and_does_not_hold_up_the_next()
    {
        _store.RefuseNextWrites = 1;
        using var writer = Create(batchSize: 2);
        await writer.StartAsync(CancellationToken.None);

        await AddAsync(writer, 0, 4);

        await Eventually.TrueAsync(() => _store.Written.Count() == 2, "second batch written");
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(2, _store.Attempts);
        Assert.Equal(Samples.Range(2, 2), _store.Written);
        Assert.True(writer.Spool.IsEmpty);
    }

    [Fact]
    public async Task An_unexpected_failure_keeps_the_batch_and_the_writer_running()
    {
        _store.CrashNextWrites = 1;
        using var writer = Create(batchSize: 2);
        await writer.StartAsync(CancellationToken.None);

        await AddAsync(writer, 0, 4);
        await Eventually.TrueAsync(() => _store.Attempts >= 1, "a first attempt");
        _time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => _store.Written.Count() == 4, "every sample written after the retry");
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(Samples.Range(0, 4), _store.Written);
    }

    [Fact]
    public async Task Samples_still_queued_at_shutdown_are_kept_and_delivered_by_the_next_start()
    {
        _store.Unreachable = true;
        using (var writer = Create(batchSize: 100))
        {
            await writer.StartAsync(CancellationToken.None);
            await AddAsync(writer, 0, 7);
            await writer.StopAsync(CancellationToken.None);
        }

        _store.Unreachable = false;
        using var restarted = Create(batchSize: 100);
        await restarted.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _store.Written.Count() == 7, "spooled samples delivered after restart");
        await restarted.StopAsync(CancellationToken.None);
        Assert.Equal(Samples.Range(0, 7), _store.Written);
    }

    public void Dispose() => _directory.Dispose();

    private SampleWriter Create(int batchSize) => new(
        _store,
        new SampleWriterOptions { BatchSize = batchSize, FlushInterval = TimeSpan.FromSeconds(1), SpoolDirectory = _directory.Path },
        _time,
        NullLogger<SampleWriter>.Instance);

    private static async Task AddAsync(SampleWriter writer, int from, int count)
    {
        foreach (var sample in Samples.Range(from, count))
        {
            await writer.AddAsync(sample, CancellationToken.None);
        }
    }
}
