using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Storage;

/// <summary>
/// Where check samples live. InfluxDB and SQLite implement it; one contract test suite proves both.
/// Writing the same series at the same millisecond twice keeps one sample (the last), as InfluxDB does.
/// </summary>
public interface ISampleStore : ISampleDestination
{
    /// <summary>Makes the store ready to use (database, tables). Safe to call more than once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The newest sample of every series.</summary>
    Task<IReadOnlyList<CheckSample>> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>Availability and latency percentiles of a service or check; null when the window holds no samples.</summary>
    Task<SampleStatistics?> GetStatisticsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken);

    /// <summary>A chart series with a bucket size chosen for the window (see <see cref="Core.Statistics.ChartBucket"/>).</summary>
    Task<ChartSeries> GetSeriesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The raw check results of a service or check in a window, oldest first (the SLA report's read).</summary>
    Task<IReadOnlyList<CheckSample>> GetCheckSamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The security samples of a service or check in a window, oldest first.</summary>
    Task<IReadOnlyList<SecuritySample>> GetSecuritySamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken);

    /// <summary>Deletes every raw sample (check results and security events) older than <paramref name="cutoff"/>; rollups stay.</summary>
    Task DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Summarises the raw check results of every series per clock hour of <paramref name="window"/>, which must
    /// start and end on whole hours (UTC). Hours without samples are left out. Reads only; see <see cref="WriteRollupsAsync"/>.
    /// </summary>
    Task<IReadOnlyList<HourlyRollup>> ComputeHourlyRollupsAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>Stores rollups; a rollup of the same series and hour as a stored one replaces it, so rolling up again is safe.</summary>
    Task WriteRollupsAsync(IReadOnlyList<HourlyRollup> rollups, CancellationToken cancellationToken);

    /// <summary>The stored rollups of a service or check whose hour starts in <paramref name="window"/>, oldest first.</summary>
    Task<IReadOnlyList<HourlyRollup>> GetRollupsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The start of the newest hour any rollup is stored for; null when there is none.</summary>
    Task<DateTimeOffset?> GetNewestRollupHourAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every rollup whose hour starts before <paramref name="cutoff"/>.</summary>
    Task DeleteRollupsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Samples and up samples of every service's check results in the window, in one query for all services
    /// (the SLA evaluation's bulk read). Services without samples in the window are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, WindowCounts>> CountByServiceAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The same counts from the stored rollups whose hour starts in the window, in one query for all services.</summary>
    Task<IReadOnlyDictionary<string, WindowCounts>> CountRollupsByServiceAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The nearest-rank 95th percentile latency of every service's check results in the window; services without latencies are left out.</summary>
    Task<IReadOnlyDictionary<string, double>> GetLatencyP95ByServiceAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The newest security sample in the window of every series (service, check, kind, location), in one query.</summary>
    Task<IReadOnlyList<SecuritySample>> GetLatestSecuritySamplesAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>The sum of <c>auth_failures</c> per service in the window, in one query; services without any are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> SumAuthFailuresByServiceAsync(TimeWindow window, CancellationToken cancellationToken);

    /// <summary>Checks that the store answers and accepts our credentials; throws with a message that says what is wrong.</summary>
    Task CheckReadyAsync(CancellationToken cancellationToken);
}
