using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Sla;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>
/// The sla-evaluation job run as Hangfire would, against a scripted history in the real stores: Ledger (99.9 %)
/// probed once a minute for 30 days and down for the last 10 minutes; Shop (99 %, p95 objective 50 ms) up for the
/// last two hours at 100 ms.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class SlaEvaluationJobTests(InfluxDbServer influx)
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    /// <summary>30 days and 30 minutes after T0: the 30-day window starts half-way through an hour.</summary>
    private static readonly DateTimeOffset Now = T0.AddDays(30).AddMinutes(30);

    private static readonly ServiceDefinition Ledger = Service("Ledger", new ServiceSla(99.9));
    private static readonly ServiceDefinition Shop = Service("Shop", new ServiceSla(99, LatencyP95Ms: 50));

    [Theory]
    [InlineData(EvaluationStores.Influx)]
    [InlineData(EvaluationStores.Sqlite)]
    public async Task A_ten_minute_outage_gives_the_expected_availability_budget_and_burn_rate_alerts_per_window(string kind)
    {
        await using var stores = await EvaluationStores.CreateAsync(kind, influx);
        await WriteHistoryAsync(stores);
        var alerts = new RecordingAlertSignals();

        await Job(stores, alerts, new MonitoringConfiguration([Ledger, Shop, Service("Unmeasured", sla: null)])).RunAsync(CancellationToken.None);

        // Samples (up) per window for Ledger, one a minute, the last 10 minutes down:
        //   5m 5 (0), 30m 30 (20), 1h 60 (50), 6h 360 (350), 3d 4,320 (4,310),
        //   30d 43,170 (43,160): the raw samples of its first half hour were deleted after rolling up (see WriteHistoryAsync).
        // Burn rate = (1 − availability) / 0.001: 1000, 333.3, 166.7, 27.78, 2.315, 0.2316, so every default rule fires:
        // page-1h (166.7 and 1000 ≥ 14.4), page-6h (27.78 and 333.3 ≥ 6), ticket-3d (2.315 and 27.78 ≥ 1).
        // Budget consumed 0.23164, remaining 0.76836; at the 1h burn of 166.67: 720 h × 0.76836 / 166.67 = 3.32 h left.
        var (rules, firing) = alerts.SingleReport();
        Assert.Equal(["burn-rate/page-1h", "burn-rate/page-6h", "burn-rate/ticket-3d", "latency-p95"], rules);
        Assert.Equal(
            [
                ("burn-rate/page-1h", "Ledger", AlertSeverity.Critical),
                ("burn-rate/page-6h", "Ledger", AlertSeverity.Critical),
                ("burn-rate/ticket-3d", "Ledger", AlertSeverity.Warning),
                // Shop: p95 100 ms over the last hour against 50 ms; always up, so no burn.
                ("latency-p95", "Shop", AlertSeverity.Warning),
            ],
            firing.Select(signal => (signal.Fingerprint.Rule, signal.Service, signal.Severity)));
        Assert.Equal("burn rate 166.7× over 1h and 1000× over 5m (threshold 14.4×); budget exhausted in 3.3 h at the current (1h) burn", firing[0].Summary);
        Assert.Equal("0 %", firing[0].Evidence["availability 5m"]);
        Assert.Equal("99.977 %", firing[0].Evidence["availability 30d"]);
        Assert.Equal("76.836 %", firing[0].Evidence["budget remaining"]);
        Assert.Equal("100 ms", firing[3].Evidence["p95 1h"]);

        var statuses = new SlaStatusStore(stores.Relational);
        var ledger = await statuses.FindAsync("Ledger", CancellationToken.None);
        Assert.NotNull(ledger);
        Assert.Equal(Now, ledger.EvaluatedAt);
        Assert.Equal(
            [("5m", 5L), ("30m", 30L), ("1h", 60L), ("6h", 360L), ("3d", 4_320L), ("30d", 43_170L)],
            ledger.Windows.Select(window => (window.Window, window.Samples)));
        Assert.Equal([0, 66.667, 83.333, 97.222, 99.769, 99.977], ledger.Windows.Select(window => Math.Round(window.AvailabilityPercent!.Value, 3)));
        Assert.Equal(23.164, ledger.BudgetConsumedPercent!.Value, 3);
        Assert.Equal(76.836, ledger.BudgetRemainingPercent!.Value, 3);
        Assert.Equal(3.32, ledger.ExhaustedInHours!.Value, 2);
        Assert.Equal(["burn-rate/page-1h", "burn-rate/page-6h", "burn-rate/ticket-3d"], ledger.Firing);
        Assert.Equal(["Ledger", "Shop"], (await statuses.ListAsync(CancellationToken.None)).Select(status => status.Service));
    }

    [Theory]
    [InlineData(EvaluationStores.Influx)]
    [InlineData(EvaluationStores.Sqlite)]
    public async Task A_maintenance_window_over_the_outage_leaves_it_out_so_nothing_fires_and_availability_is_100_percent(string kind)
    {
        await using var stores = await EvaluationStores.CreateAsync(kind, influx);
        await WriteHistoryAsync(stores);
        var alerts = new RecordingAlertSignals();
        var upgrade = new FixedMaintenanceWindow("DB upgrade", ["Ledger"], new TimeWindow(Now.AddMinutes(-15), Now.AddMinutes(15)));
        var configuration = new MonitoringConfiguration([Ledger]) { Maintenance = new MaintenanceCalendar([upgrade]) };

        await Job(stores, alerts, configuration).RunAsync(CancellationToken.None);

        var (_, firing) = alerts.SingleReport();
        Assert.Empty(firing);
        // The last 15 minutes, the 10 down among them, do not count: the 5m window holds nothing, the others 15 fewer samples, all up.
        var ledger = (await new SlaStatusStore(stores.Relational).FindAsync("Ledger", CancellationToken.None))!;
        Assert.Equal([0L, 15L, 45L, 345L, 4_305L, 43_155L], ledger.Windows.Select(window => window.Samples));
        Assert.Equal([null, 100, 100, 100, 100, 100], ledger.Windows.Select(window => window.AvailabilityPercent));
        Assert.Equal(100, ledger.BudgetRemainingPercent);
        Assert.Null(ledger.ExhaustedInHours);
    }

    private static SlaEvaluationJob Job(EvaluationStores stores, RecordingAlertSignals alerts, MonitoringConfiguration configuration)
    {
        var monitoring = new FixedMonitoring(configuration);
        var time = new FakeTimeProvider(Now);
        return new(
        stores.Samples,
        monitoring,
        monitoring.Schedule(stores.Relational, time),
        alerts,
        new SlaStatusStore(stores.Relational),
        time,
        Options.Create(new SlaOptions()),
        NullLogger<SlaEvaluationJob>.Instance);
    }

    /// <summary>
    /// Writes the history, rolls it up with the real rollup job, then deletes the raw samples older than 3 days and an hour:
    /// the long windows can only come out right by reading rollups for whole hours and raw samples for the rest.
    /// </summary>
    private static async Task WriteHistoryAsync(EvaluationStores stores)
    {
        var minutes = (int)(Now - T0).TotalMinutes;
        var ledger = Enumerable.Range(0, minutes)
            .Select(minute => T0.AddMinutes(minute))
            .Select(time => time >= Now.AddMinutes(-10)
                ? new CheckSample("Ledger", "health", "http", "", time, false, null, 503, "HTTP 503")
                : new CheckSample("Ledger", "health", "http", "", time, true, 20, 200, null));
        var shop = Enumerable.Range(1, 120).Select(minute => new CheckSample("Shop", "web", "http", "", Now.AddMinutes(-minute), true, 100, 200, null));
        await stores.WriteAsync([.. ledger, .. shop]);

        var time = new FakeTimeProvider(Now);
        await new RollupJob(stores.Samples, time, Options.Create(new RetentionOptions { RawDays = 35 }), NullLogger<RollupJob>.Instance).RunAsync(CancellationToken.None);
        await stores.Samples.DeleteOlderThanAsync(Now - TimeSpan.FromDays(3) - TimeSpan.FromHours(1), CancellationToken.None);
    }

    private static ServiceDefinition Service(string name, ServiceSla? sla) =>
        new(name, "payments", [], [new CheckDefinition("health", CheckKinds.Http, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)) { Url = new Uri("http://127.0.0.1/") }], sla);
}
