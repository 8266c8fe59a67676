using ItssMonitor.Core.Reports;
using ItssMonitor.IntegrationTests.Evaluation;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Server.Reports;
using ItssMonitor.Storage.Relational.Alerts;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>The SLA report of a scripted month read from the real InfluxDB and SQLite stores, against figures worked out by hand.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SlaReportServiceTests(InfluxDbServer influx)
{
    private static readonly DateTimeOffset From = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EvaluationStores.Sqlite)]
    [InlineData(EvaluationStores.Influx)]
    public async Task A_scripted_month_s_figures_equal_the_hand_computed_ones_to_the_second(string kind)
    {
        var month = new ScriptedMonth(From);
        await using var stores = await EvaluationStores.CreateAsync(kind, influx);
        await stores.WriteAsync(month.Samples());
        await month.SeedIncidentsAsync(stores.Relational);
        var service = Service(stores, month, now: month.To.AddDays(1));

        var report = await service.BuildAsync(new Core.Samples.TimeWindow(month.From, month.To), [], CancellationToken.None);

        var ledger = report.Services.Single(s => s.Service == "Ledger");
        Assert.Equal(ScriptedMonth.DowntimeSeconds, ledger.DowntimeSeconds);
        Assert.Equal(ScriptedMonth.MaintenanceSeconds, ledger.MaintenanceSeconds);
        Assert.Equal(ScriptedMonth.MissingDataSeconds, ledger.MissingDataSeconds);
        Assert.Equal(ScriptedMonth.MeasuredSeconds, ledger.MeasuredSeconds);
        Assert.Equal(ScriptedMonth.AvailabilityPercent, ReportFormat.Percent(ledger.AvailabilityPercent));
        Assert.Equal(ScriptedMonth.BudgetLeftPercent, ReportFormat.Percent(ledger.ErrorBudgetRemainingPercent));
        Assert.Equal(ScriptedMonth.LatencyP95Ms, ledger.LatencyP95Ms);
        Assert.Equal(new IncidentFigures(ScriptedMonth.Incidents, ScriptedMonth.Acknowledged, ScriptedMonth.MttaSeconds, ScriptedMonth.Resolved, ScriptedMonth.MttrSeconds), ledger.Incidents);
        Assert.Equal(SlaOutcome.Met, ledger.Outcome);
        Assert.Equal(
            [(From.AddDays(1).AddHours(10), 600.0), (From.AddDays(4).AddHours(3), 180.0), (From.AddDays(5).AddHours(3), 300.0)],
            ledger.Outages.Select(o => (o.From, o.Seconds)));
        Assert.Equal((From.AddDays(5).AddHours(2), From.AddDays(5).AddHours(3), "DB upgrade"), ledger.MaintenanceOccurrences.Select(m => (m.From, m.To, m.Name)).Single());
        Assert.Equal((From.AddDays(6).AddHours(13).AddMinutes(59), 3_660.0), ledger.MissingData.Select(m => (m.From, m.Seconds)).Single());

        var archive = report.Services.Single(s => s.Service == "Archive");
        Assert.Equal((ScriptedMonth.RangeSeconds, 0.0, 0.0, SlaOutcome.Met), (archive.MeasuredSeconds, archive.DowntimeSeconds, archive.MissingDataSeconds, archive.Outcome));
        Assert.Equal((2, 2, 0), (report.Summary.Services, report.Summary.Met, report.Summary.Breached));
        // Archive had no incidents, so the estate's figures are Ledger's.
        Assert.Equal(ledger.Incidents, report.Summary.Incidents);
        Assert.Equal(ScriptedMonth.OverallPercent, ReportFormat.Percent(report.Summary.OverallAvailabilityPercent));
        Assert.Equal(["Ledger"], report.Summary.WorstServices);
        Assert.Null(report.SampleBasedBefore);
    }

    [Fact]
    public async Task A_window_an_operator_set_is_left_out_of_availability_like_the_files()
    {
        var month = new ScriptedMonth(From);
        await using var stores = await EvaluationStores.CreateAsync(EvaluationStores.Sqlite, influx);
        await stores.WriteAsync(month.Samples());
        var now = month.To.AddDays(1);
        // Over Ledger's first outage (day 1, 10:00 for 600 s), set at run time and stored rather than in the file.
        var operators = new OperatorMaintenanceStore(stores.Relational, new FakeTimeProvider(now), NullLogger<OperatorMaintenanceStore>.Instance);
        await operators.StartAsync(["Ledger"], From.AddDays(1).AddHours(10), From.AddDays(1).AddHours(10).AddMinutes(10), "disk swap", "olga", CancellationToken.None);

        var report = await Service(stores, month, now).BuildAsync(new Core.Samples.TimeWindow(month.From, month.To), ["Ledger"], CancellationToken.None);

        var ledger = Assert.Single(report.Services);
        Assert.Equal(ScriptedMonth.DowntimeSeconds - 600, ledger.DowntimeSeconds);
        Assert.Equal(ScriptedMonth.MaintenanceSeconds + 600, ledger.MaintenanceSeconds);
        Assert.Equal(["disk swap", "DB upgrade"], ledger.MaintenanceOccurrences.Select(m => m.Name));
    }

    [Fact]
    public async Task A_range_past_raw_retention_says_so_and_counts_those_hours_from_rollups()
    {
        var month = new ScriptedMonth(From);
        await using var stores = await EvaluationStores.CreateAsync(EvaluationStores.Sqlite, influx);
        var samples = month.Samples();
        await stores.WriteAsync(samples);
        var range = new Core.Samples.TimeWindow(month.From, month.To);
        await stores.Samples.WriteRollupsAsync(await stores.Samples.ComputeHourlyRollupsAsync(range, CancellationToken.None), CancellationToken.None);
        // 35 days of raw retention from the 40th day: raw samples from day 5, 01:00 on (the next whole hour), rollups before.
        var service = Service(stores, month, now: month.From.AddDays(40).AddMinutes(30));

        var report = await service.BuildAsync(range, ["Ledger"], CancellationToken.None);

        Assert.Equal(month.From.AddDays(5).AddHours(1), report.SampleBasedBefore);
        Assert.Contains(report.Method, line => line.Contains("sample-based from hourly rollups", StringComparison.Ordinal));
        var ledger = Assert.Single(report.Services);
        // Before day 5 01:00 from rollups: A is 20 of 120 samples failed in day 1 10:00-11:00 → 600 s; B (health only) is
        // 20 of 120 in day 2 12:00 → 600 s (sample-based: one failing check counts); C is 2 of 120 → 60 s; D 6 of 120 → 180 s.
        // From day 5 01:00 raw and time-based as before: E's 300 s. Total 1,740 s.
        Assert.Equal(600 + 600 + 60 + 180 + 300, ledger.DowntimeSeconds, precision: 6);
        Assert.Equal(ScriptedMonth.MaintenanceSeconds, ledger.MaintenanceSeconds);
    }

    private static SlaReportService Service(EvaluationStores stores, ScriptedMonth month, DateTimeOffset now)
    {
        var monitoring = new FixedMonitoring(month.Configuration());
        var time = new FakeTimeProvider(now);
        return new(stores.Samples, monitoring, monitoring.Schedule(stores.Relational, time), new AlertQueries(new AlertStore(stores.Relational)), time, Options.Create(new RetentionOptions()));
    }
}
