using System.Collections.Concurrent;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage;

namespace ItssMonitor.UnitTests.Fakes;

/// <summary>A store that records the batches written to it and can be made unreachable or refusing.</summary>
internal sealed class RecordingStore : ISampleStore
{
    public ConcurrentQueue<IReadOnlyList<Sample>> Batches { get; } = new();

    public volatile bool Unreachable;

    /// <summary>How many of the next writes to refuse as invalid.</summary>
    public int RefuseNextWrites;

    /// <summary>How many of the next writes to fail with an exception no destination documents.</summary>
    public int CrashNextWrites;

    public int Attempts;

    public IEnumerable<Sample> Written => Batches.SelectMany(batch => batch);

    public string Description => "recording store";

    public Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        if (Unreachable)
        {
            throw new SampleStoreUnavailableException("down for the test");
        }

        if (Interlocked.Decrement(ref CrashNextWrites) >= 0)
        {
            throw new InvalidOperationException("a bug in the destination");
        }

        if (Interlocked.Decrement(ref RefuseNextWrites) >= 0)
        {
            throw new SampleWriteRejectedException("refused for the test", samples.Count);
        }

        Batches.Enqueue(samples.ToList());
        return Task.CompletedTask;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<CheckSample>> GetLatestAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SampleStatistics?> GetStatisticsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ChartSeries> GetSeriesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CheckSample>> GetCheckSamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<SecuritySample>> GetSecuritySamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<HourlyRollup>> ComputeHourlyRollupsAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WriteRollupsAsync(IReadOnlyList<HourlyRollup> rollups, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<HourlyRollup>> GetRollupsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DateTimeOffset?> GetNewestRollupHourAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteRollupsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, WindowCounts>> CountByServiceAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, WindowCounts>> CountRollupsByServiceAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, double>> GetLatencyP95ByServiceAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<SecuritySample>> GetLatestSecuritySamplesAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, long>> SumAuthFailuresByServiceAsync(TimeWindow window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CheckReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
