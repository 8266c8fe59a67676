using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Reports;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.UnitTests.Reports;

/// <summary>The report's time-based accounting on small hand-made histories (checks every 60 s, timeout 5 s: missing data after 125 s).</summary>
public sealed class TimeBasedAccountingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ServiceDefinition Ledger = new(
        "Ledger",
        "finance",
        [],
        [new CheckDefinition("health", "push", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5)), new CheckDefinition("db", "push", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5))]);

    [Fact]
    public void One_check_down_of_two_is_degraded_as_on_the_status_board_not_downtime()
    {
        var samples = Every60s("health", [true, false, false, false, true]).Concat(Every60s("db", [true, true, true, true, true])).OrderBy(s => s.Timestamp).ToList();

        var accounting = Account(Ledger, samples, Range(300), []);

        Assert.Equal(TimeSpan.Zero, accounting.Downtime);
        Assert.Equal(TimeSpan.Zero, accounting.MissingData);
        Assert.Equal(1.0, accounting.Availability);
    }

    [Fact]
    public void A_gap_is_missing_data_and_the_outage_after_it_counts_from_its_first_failure()
    {
        var service = Ledger with { Checks = [Ledger.Checks[0]] };
        // up 0 s, up 60 s, (silence: 340 s > 125 s), fail 400 s, fail 460 s (confirmed), up 520 s; the range ends at 600 s.
        var samples = new[] { (0, true), (60, true), (400, false), (460, false), (520, true) }
            .Select(s => Sample("health", s.Item1, s.Item2)).ToList();

        var accounting = Account(service, samples, Range(600), []);

        Assert.Equal([(T0.AddSeconds(60), T0.AddSeconds(400))], accounting.MissingStretches.Select(m => (m.From, m.To)));
        Assert.Equal([(T0.AddSeconds(400), T0.AddSeconds(520))], accounting.Outages.Select(o => (o.From, o.To)));
        // 1 − 120 / (600 − 340).
        Assert.Equal(1 - (120.0 / 260), accounting.Availability!.Value, precision: 12);
    }

    [Fact]
    public void Before_a_check_s_first_sample_its_state_is_unknown_which_is_missing_data()
    {
        var service = Ledger with { Checks = [Ledger.Checks[0]] };

        var accounting = Account(service, [Sample("health", 30, true), Sample("health", 90, true)], Range(120), []);

        Assert.Equal(TimeSpan.FromSeconds(30), accounting.MissingData);
        Assert.Equal(TimeSpan.FromSeconds(90), accounting.Measured);
    }

    [Fact]
    public void Maintenance_cuts_an_outage_and_is_neither_downtime_nor_measured()
    {
        var service = Ledger with { Checks = [Ledger.Checks[0]] };
        var samples = Every60s("health", [true, false, false, false, false, true]);

        var accounting = Account(service, samples, Range(360), [new TimeWindow(T0, T0.AddSeconds(120))]);

        // Down 60-300 s, of which 120-300 s is outside maintenance.
        Assert.Equal((TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(180)), (accounting.Maintenance, accounting.Downtime));
        Assert.Equal(TimeSpan.FromSeconds(240), accounting.Measured);
    }

    private static ServiceAccounting Account(ServiceDefinition service, IReadOnlyList<CheckSample> samples, TimeWindow range, IReadOnlyList<TimeWindow> maintenance) =>
        TimeBasedAccounting.Account([.. service.Checks.Select(check => new CheckTimeline(check, samples.Where(s => s.Check == check.Name), range.To))], range, maintenance);

    private static TimeWindow Range(int seconds) => new(T0, T0.AddSeconds(seconds));

    private static List<CheckSample> Every60s(string check, bool[] ups) => ups.Select((up, i) => Sample(check, i * 60, up)).ToList();

    private static CheckSample Sample(string check, int seconds, bool up) => new("Ledger", check, "push", "", T0.AddSeconds(seconds), up, up ? 10 : null);
}
