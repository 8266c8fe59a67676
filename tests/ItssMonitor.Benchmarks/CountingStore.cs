using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage;

namespace ItssMonitor.Benchmarks;

/// <summary>Passes writes through to a real store and counts the samples that arrived, so a benchmark knows when the writer is done.</summary>
internal sealed class CountingStore(ISampleStore inner) : ISampleStore
{
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public string Description => inner.Description;

    public async Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(samples, cancellationToken);
        Interlocked.Add(ref _written, samples.Count);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<CheckSample>> GetLatestAsync(CancellationToken cancellationToken) => inner.GetLatestAsync(cancellationToken);

    public Task<SampleStatistics?> GetStatisticsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetStatisticsAsync(scope, window, cancellationToken);

    public Task<ChartSeries> GetSeriesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetSeriesAsync(scope, window, cancellationToken);

    public Task<IReadOnlyList<CheckSample>> GetCheckSamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetCheckSamplesAsync(scope, window, cancellationToken);

    public Task<IReadOnlyList<SecuritySample>> GetSecuritySamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetSecuritySamplesAsync(scope, window, cancellationToken);

    public Task DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoff, cancellationToken);

    public Task<IReadOnlyList<HourlyRollup>> ComputeHourlyRollupsAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.ComputeHourlyRollupsAsync(window, cancellationToken);

    public Task WriteRollupsAsync(IReadOnlyList<HourlyRollup> rollups, CancellationToken cancellationToken) => inner.WriteRollupsAsync(rollups, cancellationToken);

    public Task<IReadOnlyList<HourlyRollup>> GetRollupsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetRollupsAsync(scope, window, cancellationToken);

    public Task<DateTimeOffset?> GetNewestRollupHourAsync(CancellationToken cancellationToken) => inner.GetNewestRollupHourAsync(cancellationToken);

    public Task DeleteRollupsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteRollupsOlderThanAsync(cutoff, cancellationToken);

    public Task<IReadOnlyDictionary<string, WindowCounts>> CountByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.CountByServiceAsync(window, cancellationToken);

    public Task<IReadOnlyDictionary<string, WindowCounts>> CountRollupsByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.CountRollupsByServiceAsync(window, cancellationToken);

    public Task<IReadOnlyDictionary<string, double>> GetLatencyP95ByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetLatencyP95ByServiceAsync(window, cancellationToken);

    public Task<IReadOnlyList<SecuritySample>> GetLatestSecuritySamplesAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.GetLatestSecuritySamplesAsync(window, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> SumAuthFailuresByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        inner.SumAuthFailuresByServiceAsync(window, cancellationToken);

    public Task CheckReadyAsync(CancellationToken cancellationToken) => inner.CheckReadyAsync(cancellationToken);
}
