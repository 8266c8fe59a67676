using ItssMonitor.Storage.Writing;
using ItssMonitor.UnitTests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.UnitTests.Writing;

public sealed class SampleSpoolTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Gives_batches_back_oldest_first_and_forgets_removed_ones()
    {
        using var spool = new SampleSpool(_directory.Path, 1_000_000, NullLogger.Instance);
        spool.Append(Samples.Range(0, 3));
        spool.Append(Samples.Range(3, 2));

        var first = spool.Peek()!;
        Assert.Equal(Samples.Range(0, 3), first.Samples);
        spool.Remove(first);
        Assert.Equal(Samples.Range(3, 2), spool.Peek()!.Samples);
        Assert.Equal(2, spool.PendingSamples);
    }

    [Fact]
    public void Survives_a_restart_and_keeps_appending_after_what_it_holds()
    {
        using (var first = new SampleSpool(_directory.Path, 1_000_000, NullLogger.Instance))
        {
            first.Append(Samples.Range(0, 3));
        }

        using var reopened = new SampleSpool(_directory.Path, 1_000_000, NullLogger.Instance);
        reopened.Append(Samples.Range(3, 1));

        Assert.Equal(Samples.Range(0, 3), reopened.Peek()!.Samples);
        Assert.Equal(4, reopened.PendingSamples);
    }

    [Fact]
    public void Over_its_limit_drops_the_oldest_batches_and_counts_what_it_dropped()
    {
        using var probe = new SampleSpool(Path.Combine(_directory.Path, "size"), 1_000_000, NullLogger.Instance);
        probe.Append(Samples.Range(0, 10));
        var batchBytes = new DirectoryInfo(Path.Combine(_directory.Path, "size")).GetFiles("*.samples").Single().Length;
        using var spool = new SampleSpool(Path.Combine(_directory.Path, "limited"), batchBytes * 7 / 2, NullLogger.Instance);

        for (var batch = 0; batch < 5; batch++)
        {
            spool.Append(Samples.Range(batch * 10, 10));
        }

        Assert.Equal(20, spool.OverflowDroppedSamples);
        Assert.Equal(30, spool.PendingSamples);
        Assert.Equal(Samples.Range(20, 10), spool.Peek()!.Samples);
    }

    [Fact]
    public void A_second_process_cannot_take_a_spool_directory_that_is_in_use()
    {
        using var owner = new SampleSpool(_directory.Path, 1_000_000, NullLogger.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => new SampleSpool(_directory.Path, 1_000_000, NullLogger.Instance));

        Assert.Contains("Storage:Writer:SpoolDirectory", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
