using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Stores;

/// <summary>
/// What every <see cref="ISampleStore"/> must do, with figures worked out by hand. Each store's test
/// class derives from this and provides an empty store per test.
/// </summary>
public abstract class SampleStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected ISampleStore Store { get; private set; } = null!;

    protected abstract Task<ISampleStore> CreateEmptyStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateEmptyStoreAsync();
        await Store.InitializeAsync(None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Is_ready_once_initialised() => await Store.CheckReadyAsync(None);

    [Fact]
    public async Task Latest_gives_the_newest_sample_of_every_series_with_all_its_fields()
    {
        await Store.WriteAsync(
        [
            Sample("A", "health", 0, location: "eu"),
            Sample("A", "health", 20, latencyMs: 12.25, location: "eu", statusCode: 201),
            Sample("A", "health", 10, location: "eu"),
            Sample("A", "health", 5, location: "us"),
            Sample("A", "db", 15, up: false, latencyMs: null, statusCode: null, error: "connection refused", kind: "tcp"),
            Sample("B", "health", 3),
        ], None);

        var latest = (await Store.GetLatestAsync(None)).OrderBy(s => s.Service).ThenBy(s => s.Check).ThenBy(s => s.Location).ToList();

        Assert.Equal(
        [
            Sample("A", "db", 15, up: false, latencyMs: null, statusCode: null, error: "connection refused", kind: "tcp"),
            Sample("A", "health", 20, latencyMs: 12.25, location: "eu", statusCode: 201),
            Sample("A", "health", 5, location: "us"),
            Sample("B", "health", 3),
        ], latest);
    }

    [Fact]
    public async Task A_series_keeps_one_sample_per_millisecond_the_last_written()
    {
        await Store.WriteAsync([Sample("A", "health", 0, up: true)], None);
        await Store.WriteAsync([Sample("A", "health", 0, up: false, latencyMs: 99)], None);

        var statistics = await Store.GetStatisticsAsync(SampleScope.ForService("A"), new TimeWindow(T0, T0.AddMinutes(1)), None);

        Assert.Equal(new SampleStatistics(1, 0, 99, 99, 99), statistics);
    }

    [Fact]
    public async Task Statistics_per_check_give_availability_and_nearest_rank_latency_percentiles()
    {
        await WriteHundredHealthSamplesAsync();

        var statistics = await Store.GetStatisticsAsync(SampleScope.ForCheck("A", "health"), new TimeWindow(T0, T0.AddHours(1)), None);

        // 90 latencies: 1…99 without the multiples of 10 (those samples were down, without latency).
        // p50 is the 45th (49), p95 the 86th (95), p99 the 89th (98).
        Assert.Equal(new SampleStatistics(100, 0.9, 49, 95, 98), statistics);
    }

    [Fact]
    public async Task Statistics_per_service_cover_all_its_checks_and_nothing_else()
    {
        await WriteHundredHealthSamplesAsync();
        await Store.WriteAsync(Enumerable.Range(0, 100).Select(i => Sample("A", "db", i, latencyMs: 1000)).ToList(), None);
        await Store.WriteAsync([Sample("B", "health", 0, up: false, latencyMs: 1)], None);

        var statistics = await Store.GetStatisticsAsync(SampleScope.ForService("A"), new TimeWindow(T0, T0.AddHours(1)), None);

        Assert.Equal(new SampleStatistics(200, 0.95, 1000, 1000, 1000), statistics);
    }

    [Fact]
    public async Task A_window_includes_its_start_and_excludes_its_end()
    {
        await Store.WriteAsync([Sample("A", "health", -1), Sample("A", "health", 0), Sample("A", "health", 10)], None);

        var statistics = await Store.GetStatisticsAsync(SampleScope.ForService("A"), new TimeWindow(T0, T0.AddSeconds(10)), None);

        Assert.Equal(1, statistics!.SampleCount);
        Assert.Null(await Store.GetStatisticsAsync(SampleScope.ForService("A"), new TimeWindow(T0.AddMinutes(1), T0.AddMinutes(2)), None));
        Assert.Null(await Store.GetStatisticsAsync(SampleScope.ForService("nobody"), new TimeWindow(T0, T0.AddSeconds(10)), None));
    }

    [Fact]
    public async Task A_series_has_epoch_aligned_buckets_sized_for_the_window_and_leaves_out_empty_ones()
    {
        await Store.WriteAsync(
        [
            Sample("A", "health", 0, latencyMs: 500),
            Sample("A", "health", 5, latencyMs: 30),
            Sample("A", "health", 7, up: false, latencyMs: null),
            Sample("A", "health", 25, latencyMs: 40),
            Sample("A", "health", 3_601, latencyMs: 50),
        ], None);

        // Starts 3 s past a bucket boundary: the first bucket is still labelled with its aligned start,
        // and holds only what is inside the window.
        var series = await Store.GetSeriesAsync(SampleScope.ForCheck("A", "health"), new TimeWindow(T0.AddSeconds(3), T0.AddSeconds(3_603)), None);

        Assert.Equal(TimeSpan.FromSeconds(10), series.BucketSize);
        Assert.Equal(
        [
            new SeriesPoint(T0, 2, 0.5, 30, 30),
            new SeriesPoint(T0.AddSeconds(20), 1, 1, 40, 40),
            new SeriesPoint(T0.AddSeconds(3_600), 1, 1, 50, 50),
        ], series.Points);
    }

    [Fact]
    public async Task A_month_long_series_stays_under_the_point_limit()
    {
        var samples = Enumerable.Range(0, 30 * 24).Select(hour => Sample("A", "health", hour * 3_600.0)).ToList();
        await Store.WriteAsync(samples, None);

        var series = await Store.GetSeriesAsync(SampleScope.ForService("A"), new TimeWindow(T0, T0.AddDays(30)), None);

        Assert.Equal(TimeSpan.FromHours(3), series.BucketSize);
        Assert.Equal(240, series.Points.Count);
        Assert.All(series.Points, point => Assert.Equal(3, point.SampleCount));
    }

    [Fact]
    public async Task Retention_deletes_what_is_older_than_the_cutoff_and_keeps_the_rest()
    {
        await Store.WriteAsync([Sample("old", "health", 0), Sample("A", "health", 0), Sample("A", "health", 86_400)], None);

        await Store.DeleteOlderThanAsync(T0.AddHours(12), None);

        var window = new TimeWindow(T0.AddDays(-1), T0.AddDays(2));
        Assert.Null(await Store.GetStatisticsAsync(SampleScope.ForService("old"), window, None));
        Assert.Equal(1, (await Store.GetStatisticsAsync(SampleScope.ForService("A"), window, None))!.SampleCount);
        Assert.Equal([Sample("A", "health", 86_400)], await Store.GetLatestAsync(None));
    }

    [Fact]
    public async Task Security_samples_come_back_with_every_fact_oldest_first_and_only_for_their_scope()
    {
        SecuritySample Security(string service, string check, double seconds, double? days = null, string? tls = null, bool? chain = null, bool? host = null, long? failures = null) =>
            new(service, check, "tls", "", T0.AddSeconds(seconds), days, tls, chain, host, failures);
        await Store.WriteAsync(
        [
            Security("A", "cert", 20, days: 2.75, tls: "TLS 1.2", chain: false, host: true),
            Security("A", "cert", 10, days: 2.875, tls: "TLS 1.3", chain: true, host: true),
            Security("A", "login", 15, failures: 42),
            Security("B", "cert", 10, days: 90),
            Sample("A", "cert", 10),
        ], None);

        var forCheck = await Store.GetSecuritySamplesAsync(SampleScope.ForCheck("A", "cert"), new TimeWindow(T0, T0.AddMinutes(1)), None);
        var forService = await Store.GetSecuritySamplesAsync(SampleScope.ForService("A"), new TimeWindow(T0, T0.AddMinutes(1)), None);

        Assert.Equal([Security("A", "cert", 10, days: 2.875, tls: "TLS 1.3", chain: true, host: true), Security("A", "cert", 20, days: 2.75, tls: "TLS 1.2", chain: false, host: true)], forCheck);
        Assert.Equal([10, 15, 20], forService.Select(s => (s.Timestamp - T0).TotalSeconds));
        Assert.Equal(42, forService[1].AuthFailures);
    }

    [Fact]
    public async Task Check_samples_of_a_service_or_check_come_back_raw_oldest_first_within_the_window()
    {
        await Store.WriteAsync(
        [
            Sample("A", "health", 30, up: false, latencyMs: null, statusCode: 503, error: "HTTP 503", location: "us"),
            Sample("A", "health", 10, latencyMs: 12.5, location: "eu"),
            Sample("A", "db", 20, kind: "tcp"),
            Sample("A", "health", 60),
            Sample("B", "health", 15),
        ], None);
        var window = new TimeWindow(T0.AddSeconds(10), T0.AddSeconds(60));

        var forService = await Store.GetCheckSamplesAsync(SampleScope.ForService("A"), window, None);
        var forCheck = await Store.GetCheckSamplesAsync(SampleScope.ForCheck("A", "health"), window, None);

        Assert.Equal([Sample("A", "health", 10, latencyMs: 12.5, location: "eu"), Sample("A", "db", 20, kind: "tcp"),
            Sample("A", "health", 30, up: false, latencyMs: null, statusCode: 503, error: "HTTP 503", location: "us")], forService);
        Assert.Equal([10, 30], forCheck.Select(s => (s.Timestamp - T0).TotalSeconds));
    }

    [Fact]
    public async Task Hostile_names_and_texts_come_back_byte_exact_and_cannot_change_a_query()
    {
        var random = new Random(42);
        // Whole characters only: half a surrogate pair is not text, and no UTF-8 store can keep it.
        var alphabet = ",= \"'\\\n\r\t%#{}[]()$*?;:/|<>`~^&@!éü✓日\u007f\u0001abcXYZ019".Select(c => c.ToString()).Append("😀").ToArray();
        string Name() => string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]));
        var samples = Enumerable.Range(0, 25)
            .Select(i => Sample(Name(), Name(), i, location: Name(), error: Name() + "\\\"\n"))
            .Append(Sample("x' OR 1=1 --", "\" OR \"\"=\"", 30))
            .Append(Sample("trailing backslash\\", "\\", 31))
            .ToList();

        await Store.WriteAsync(samples, None);

        var latest = await Store.GetLatestAsync(None);
        Assert.Equal(samples.OrderBy(s => s.Timestamp), latest.OrderBy(s => s.Timestamp));
        foreach (var sample in samples)
        {
            var statistics = await Store.GetStatisticsAsync(SampleScope.ForCheck(sample.Service, sample.Check), new TimeWindow(T0, T0.AddHours(1)), None);
            Assert.Equal(1, statistics?.SampleCount);
        }
    }

    [Fact]
    public async Task Hourly_rollups_count_samples_per_series_and_clock_hour_with_nearest_rank_percentiles()
    {
        await WriteRollupHistoryAsync();

        var rollups = await Store.ComputeHourlyRollupsAsync(new TimeWindow(T0, T0.AddHours(2)), None);

        Assert.Equal(ExpectedRollups, rollups.OrderBy(r => r.Service).ThenBy(r => r.Check).ThenBy(r => r.Hour));
        Assert.Equal(0.9, rollups.Single(r => r.Check == "health" && r.Hour == T0).Availability, 9);
    }

    [Fact]
    public async Task Stored_rollups_come_back_per_scope_oldest_first_and_a_second_write_of_an_hour_replaces_the_first()
    {
        Assert.Null(await Store.GetNewestRollupHourAsync(None));
        await Store.WriteRollupsAsync(ExpectedRollups, None);
        var window = new TimeWindow(T0, T0.AddDays(1));

        Assert.Equal([ExpectedRollups[0], ExpectedRollups[1]], await Store.GetRollupsAsync(SampleScope.ForService("A"), window, None));
        Assert.Equal([ExpectedRollups[2]], await Store.GetRollupsAsync(SampleScope.ForCheck("B", "db"), window, None));
        Assert.Empty(await Store.GetRollupsAsync(SampleScope.ForService("A"), new TimeWindow(T0.AddHours(2), T0.AddHours(3)), None));
        Assert.Equal(T0.AddHours(1), await Store.GetNewestRollupHourAsync(None));

        var recounted = ExpectedRollups[1] with { Count = 3, UpCount = 2, LatencyP50Ms = 6, LatencyP95Ms = 7, LatencyP99Ms = 8 };
        await Store.WriteRollupsAsync([recounted], None);

        Assert.Equal([ExpectedRollups[0], recounted], await Store.GetRollupsAsync(SampleScope.ForCheck("A", "health"), window, None));
    }

    [Fact]
    public async Task Rollup_retention_is_separate_from_raw_retention()
    {
        await WriteRollupHistoryAsync();
        await Store.WriteRollupsAsync(ExpectedRollups, None);
        var window = new TimeWindow(T0.AddDays(-1), T0.AddDays(1));

        await Store.DeleteOlderThanAsync(T0.AddDays(1), None);
        Assert.Null(await Store.GetStatisticsAsync(SampleScope.ForService("A"), window, None));
        Assert.Equal(2, (await Store.GetRollupsAsync(SampleScope.ForService("A"), window, None)).Count);

        await Store.DeleteRollupsOlderThanAsync(T0.AddHours(1), None);
        Assert.Equal([ExpectedRollups[1]], await Store.GetRollupsAsync(SampleScope.ForService("A"), window, None));
        Assert.Empty(await Store.GetRollupsAsync(SampleScope.ForService("B"), window, None));
    }

    [Fact]
    public async Task A_rollup_window_must_be_whole_hours()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ComputeHourlyRollupsAsync(new TimeWindow(T0.AddMinutes(5), T0.AddHours(1)), None));
    }

    [Fact]
    public async Task Bulk_counts_and_p95_come_back_per_service_in_one_answer_for_the_window_only()
    {
        await WriteHundredHealthSamplesAsync();
        await Store.WriteAsync(
        [
            Sample("B", "db", 30, up: false, latencyMs: null, kind: "tcp"),
            Sample("B", "web", 40, latencyMs: 7),
            Sample("B", "web", 100, latencyMs: 1_000),
            Sample("C", "web", 3_600),
        ], None);
        var window = new TimeWindow(T0, T0.AddSeconds(100));

        var counts = await Store.CountByServiceAsync(window, None);
        var p95 = await Store.GetLatencyP95ByServiceAsync(window, None);

        // A: the hundred health samples, 90 up, p95 95 ms (see the statistics test). B: one down without latency,
        // one up at 7 ms; its sample at 100 s is at the window's end, excluded. C has nothing in the window.
        Assert.Equal(new Dictionary<string, WindowCounts> { ["A"] = new(100, 90), ["B"] = new(2, 1) }, counts);
        Assert.Equal(new Dictionary<string, double> { ["A"] = 95, ["B"] = 7 }, p95);
        Assert.Empty(await Store.CountByServiceAsync(new TimeWindow(T0.AddHours(2), T0.AddHours(3)), None));
    }

    [Fact]
    public async Task Rollup_counts_sum_every_series_of_a_service_over_the_hours_that_start_in_the_window()
    {
        await Store.WriteRollupsAsync(ExpectedRollups, None);

        Assert.Equal(
            new Dictionary<string, WindowCounts> { ["A"] = new(102, 91), ["B"] = new(1, 0) },
            await Store.CountRollupsByServiceAsync(new TimeWindow(T0, T0.AddHours(2)), None));
        Assert.Equal(
            new Dictionary<string, WindowCounts> { ["A"] = new(2, 1) },
            await Store.CountRollupsByServiceAsync(new TimeWindow(T0.AddHours(1), T0.AddHours(2)), None));
    }

    [Fact]
    public async Task The_latest_security_sample_of_every_series_and_auth_failure_sums_per_service_come_back_for_the_window()
    {
        SecuritySample Security(string service, string check, double seconds, double? days = null, string? tls = null, long? failures = null) =>
            new(service, check, failures is null ? "tls" : "auth", "", T0.AddSeconds(seconds), days, tls, days is null ? null : true, days is null ? null : true, failures);
        await Store.WriteAsync(
        [
            Security("A", "cert", 10, days: 30, tls: "TLS 1.3"),
            Security("A", "cert", 20, days: 29.5, tls: "TLS 1.1"),
            Security("A", "login", 15, failures: 42),
            Security("A", "login", 30, failures: 8),
            Security("B", "cert", 10, days: 90, tls: "TLS 1.2"),
            Security("B", "login", 20, failures: 5),
            Security("B", "login", 60, failures: 1_000),
        ], None);

        var latest = await Store.GetLatestSecuritySamplesAsync(new TimeWindow(T0, T0.AddSeconds(60)), None);
        var early = await Store.GetLatestSecuritySamplesAsync(new TimeWindow(T0, T0.AddSeconds(15)), None);

        Assert.Equal(
            [Security("A", "cert", 20, days: 29.5, tls: "TLS 1.1"), Security("A", "login", 30, failures: 8), Security("B", "cert", 10, days: 90, tls: "TLS 1.2"), Security("B", "login", 20, failures: 5)],
            latest.OrderBy(sample => sample.Service).ThenBy(sample => sample.Check));
        Assert.Equal(
            [Security("A", "cert", 10, days: 30, tls: "TLS 1.3"), Security("B", "cert", 10, days: 90, tls: "TLS 1.2")],
            early.OrderBy(sample => sample.Service).ThenBy(sample => sample.Check));
        // The 1,000 failures of B at 60 s are at the window's end, excluded.
        Assert.Equal(new Dictionary<string, long> { ["A"] = 50, ["B"] = 5 }, await Store.SumAuthFailuresByServiceAsync(new TimeWindow(T0, T0.AddSeconds(60)), None));
        Assert.Equal(new Dictionary<string, long> { ["A"] = 42 }, await Store.SumAuthFailuresByServiceAsync(new TimeWindow(T0, T0.AddSeconds(16)), None));
    }

    /// <summary>What <see cref="WriteRollupHistoryAsync"/> rolls up to over [T0, T0 + 2 h), by service, check and hour.</summary>
    private static readonly HourlyRollup[] ExpectedRollups =
    [
        // The hundred health samples: 90 up with latencies 1…99 but the multiples of 10 (see the statistics test).
        new("A", "health", "http", "", T0, 100, 90, 49, 95, 98),
        // One up at 5 ms and one down without latency: every percentile of a single latency is that latency.
        new("A", "health", "http", "", T0.AddHours(1), 2, 1, 5, 5, 5),
        new("B", "db", "tcp", "eu", T0, 1, 0, null, null, null),
    ];

    private async Task WriteRollupHistoryAsync()
    {
        await WriteHundredHealthSamplesAsync();
        await Store.WriteAsync(
        [
            Sample("A", "health", 3_600, latencyMs: 5),
            Sample("A", "health", 7_199.999, up: false, latencyMs: null),
            Sample("A", "health", 7_200, latencyMs: 1),
            Sample("A", "health", -0.001, latencyMs: 1),
            Sample("B", "db", 1_800, up: false, latencyMs: null, location: "eu", kind: "tcp"),
        ], None);
    }

    private Task WriteHundredHealthSamplesAsync() =>
        Store.WriteAsync(
            Enumerable.Range(0, 100)
                .Select(i => i % 10 == 0 ? Sample("A", "health", i, up: false, latencyMs: null) : Sample("A", "health", i, latencyMs: i))
                .ToList(),
            None);
}
