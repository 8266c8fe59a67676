using ItssMonitor.Core.Reports;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.UnitTests.Reports;

public sealed class RollupAccountingTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hours_without_a_rollup_in_a_row_are_one_missing_stretch_and_an_hour_with_one_is_down_in_its_failed_share()
    {
        // 00–04 UTC; only 01:00 has a rollup, with 15 of 60 samples failed: 15 minutes down.
        var rollups = new[] { new HourlyRollup("Ledger", "api", "http", "", Midnight.AddHours(1), 60, 45, null, null, null) };

        var accounting = RollupAccounting.Account(rollups, new TimeWindow(Midnight, Midnight.AddHours(4)), []);

        Assert.Equal(
            [new ReportStretch(Midnight, Midnight.AddHours(1), "no rollup"), new ReportStretch(Midnight.AddHours(2), Midnight.AddHours(4), "no rollup")],
            accounting.MissingStretches);
        Assert.Equal(TimeSpan.FromHours(3), accounting.MissingData);
        Assert.Equal(TimeSpan.FromMinutes(15), accounting.Downtime);
    }
}
