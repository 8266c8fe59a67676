using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class BurnRatePolicyTests
{
    private static readonly ErrorBudget ThreeNines = new(0.999, TimeSpan.FromDays(30));

    // Counts per window when the last `downMinutes` of every window were down (an outage ending now), one sample a second.
    private static Dictionary<TimeSpan, WindowCounts> OutageEndingNow(double downMinutes, double minutesSinceEnd = 0) =>
        BurnRatePolicy.Default.Windows.ToDictionary(
            window => window,
            window =>
            {
                var minutes = window.TotalMinutes;
                var down = Math.Clamp(minutes - minutesSinceEnd, 0, downMinutes);
                return new WindowCounts((long)(minutes * 60), (long)((minutes - down) * 60));
            });

    // A window of `samples` results of which this share were up.
    private static WindowCounts Counts(double availability, long samples = 1_000_000) => new(samples, (long)Math.Round(samples * availability));

    [Fact]
    public void The_default_rules_are_the_workbooks()
    {
        Assert.Collection(
            BurnRatePolicy.Default.Rules,
            rule => Assert.Equal((14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), AlertSeverity.Critical), (rule.Threshold, rule.LongWindow, rule.ShortWindow, rule.Severity)),
            rule => Assert.Equal((6.0, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), AlertSeverity.Critical), (rule.Threshold, rule.LongWindow, rule.ShortWindow, rule.Severity)),
            rule => Assert.Equal((1.0, TimeSpan.FromDays(3), TimeSpan.FromHours(6), AlertSeverity.Warning), (rule.Threshold, rule.LongWindow, rule.ShortWindow, rule.Severity)));
        Assert.Equal(
            [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(3)],
            BurnRatePolicy.Default.Windows);
    }

    [Fact]
    public void Ten_minutes_down_in_the_last_hour_pages()
    {
        var firing = BurnRatePolicy.Default.Evaluate(ThreeNines, OutageEndingNow(10));

        var page = Assert.Single(firing, f => f.Rule.Name == "page-1h");
        // 1 h: (10/60) / 0.001 = 166.7; 5 m: all down, 1 / 0.001 = 1000.
        Assert.Equal(166.7, page.LongWindowRate, 1);
        Assert.Equal(1000, page.ShortWindowRate, 6);
        Assert.Equal(AlertSeverity.Critical, page.Rule.Severity);
        Assert.Equal("burn rate 166.7× over 1h and 1000× over 5m (threshold 14.4×)", page.Summary);
        // 6 h: 10/360 → 27.8× and 30 m: 10/30 → 333×; 3 d: 10/4320 → 2.3× and 6 h 27.8×: every rule fires.
        Assert.Equal(["page-1h", "page-6h", "ticket-3d"], firing.Select(f => f.Rule.Name));
    }

    [Fact]
    public void A_steady_99_95_percent_raises_nothing()
    {
        var steady = BurnRatePolicy.Default.Windows.ToDictionary(window => window, _ => Counts(0.9995));

        Assert.Empty(BurnRatePolicy.Default.Evaluate(ThreeNines, steady));
    }

    [Fact]
    public void Once_the_outage_is_over_the_short_window_stops_the_fast_page()
    {
        // Ten minutes down that ended twenty minutes ago: 5 m is clean, so page-1h resets; 30 m still holds them.
        var firing = BurnRatePolicy.Default.Evaluate(ThreeNines, OutageEndingNow(10, minutesSinceEnd: 20));

        Assert.Equal(["page-6h", "ticket-3d"], firing.Select(f => f.Rule.Name));
    }

    [Fact]
    public void A_window_without_data_fires_nothing_that_needs_it()
    {
        var measured = OutageEndingNow(10);
        measured[TimeSpan.FromMinutes(5)] = WindowCounts.None;
        measured.Remove(TimeSpan.FromDays(3));

        Assert.Equal(["page-6h"], BurnRatePolicy.Default.Evaluate(ThreeNines, measured).Select(f => f.Rule.Name));
    }

    [Fact]
    public void Rules_are_configurable_and_checked()
    {
        var policy = new BurnRatePolicy([new BurnRateRule("slow", 2, TimeSpan.FromHours(2), TimeSpan.FromMinutes(10), AlertSeverity.Info)]);
        var measured = new Dictionary<TimeSpan, WindowCounts> { [TimeSpan.FromHours(2)] = Counts(0.997), [TimeSpan.FromMinutes(10)] = Counts(0.99) };

        var firing = Assert.Single(policy.Evaluate(ThreeNines, measured));
        Assert.Equal(3, firing.LongWindowRate, 6);
        Assert.Throws<ArgumentException>(() => new BurnRateRule("backwards", 2, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), AlertSeverity.Warning));
        Assert.Throws<ArgumentException>(() => new BurnRatePolicy([policy.Rules[0], policy.Rules[0]]));
    }

    [Fact]
    public void A_rule_waits_for_enough_samples_in_its_long_window()
    {
        // A service that has just started: one failure in its first few results is a burn rate of hundreds.
        var policy = new BurnRatePolicy(BurnRatePolicy.Default.Rules, minimumSamples: 30);
        var justStarted = policy.Windows.ToDictionary(window => window, _ => new WindowCounts(6, 5));
        var anHourIn = new Dictionary<TimeSpan, WindowCounts>(justStarted)
        {
            [TimeSpan.FromHours(1)] = new(360, 300),
            [TimeSpan.FromMinutes(5)] = new(30, 25),
        };

        Assert.Empty(policy.Evaluate(ThreeNines, justStarted));
        Assert.Equal(["page-1h"], policy.Evaluate(ThreeNines, anHourIn).Select(f => f.Rule.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRatePolicy(BurnRatePolicy.Default.Rules, minimumSamples: 0));
    }
}
