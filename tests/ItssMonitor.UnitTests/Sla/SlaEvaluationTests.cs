using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class SlaEvaluationTests
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(30);

    /// <summary>
    /// One check every 10 s, down for the last 10 minutes of 30 days: 5m 30 samples, none up; 30m 180, 120 up;
    /// 1h 360, 300 up; 6h 2,160, 2,100 up; 3d 25,920, 25,860 up; 30d 259,200, 259,140 up.
    /// </summary>
    private static readonly Dictionary<TimeSpan, WindowCounts> TenMinutesDown = new()
    {
        [TimeSpan.FromMinutes(5)] = new(30, 0),
        [TimeSpan.FromMinutes(30)] = new(180, 120),
        [TimeSpan.FromHours(1)] = new(360, 300),
        [TimeSpan.FromHours(6)] = new(2_160, 2_100),
        [TimeSpan.FromDays(3)] = new(25_920, 25_860),
        [Period] = new(259_200, 259_140),
    };

    [Fact]
    public void Ten_minutes_down_give_availability_burn_rate_budget_and_forecast_per_window_and_fire_every_default_rule()
    {
        var evaluation = SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9), Period, BurnRatePolicy.Default, TenMinutesDown, latencyP95Ms: null);

        // Burn rate = (1 − availability) / 0.001: 5m 1000, 30m 333.3, 1h 166.7, 6h 27.78, 3d 2.315, 30d 0.2315.
        Assert.Equal([5, 30, 60, 360, 4_320, 43_200], evaluation.Windows.Select(window => window.Window.TotalMinutes));
        Assert.Equal([1000, 333.333, 166.667, 27.778, 2.315, 0.231], evaluation.Windows.Select(window => Math.Round(window.BurnRate!.Value, 3)));
        Assert.Equal(300.0 / 360, evaluation.Windows[2].Availability!.Value, 12);
        // 60 down of 259,200 spend 0.2315 of the budget; 0.7685 left at 166.7× lasts 720 h × 0.7685 / 166.7 = 3.32 h.
        Assert.Equal(0.23148, evaluation.BudgetConsumed!.Value, 5);
        Assert.Equal(0.76852, evaluation.BudgetRemaining!.Value, 5);
        Assert.Equal(3.32, evaluation.ExhaustedIn!.Value.TotalHours, 2);

        var signals = evaluation.Signals();
        Assert.Equal(["burn-rate/page-1h", "burn-rate/page-6h", "burn-rate/ticket-3d"], signals.Select(signal => signal.Fingerprint.Rule));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Critical, AlertSeverity.Warning], signals.Select(signal => signal.Severity));
        Assert.Equal(AlertFingerprint.For("burn-rate/page-1h", "Ledger"), signals[0].Fingerprint);
        Assert.Equal("burn rate 166.7× over 1h and 1000× over 5m (threshold 14.4×); budget exhausted in 3.3 h at the current (1h) burn", signals[0].Summary);
        Assert.Equal("83.333 %", signals[0].Evidence["availability 1h"]);
        Assert.Equal("166.67×", signals[0].Evidence["burn rate 1h"]);
        Assert.Equal("76.852 %", signals[0].Evidence["budget remaining"]);
        Assert.Equal("99.9 %", signals[0].Evidence["target"]);
    }

    [Fact]
    public void A_healthy_service_fires_nothing_and_its_budget_is_not_burning()
    {
        var allUp = TenMinutesDown.ToDictionary(pair => pair.Key, pair => new WindowCounts(pair.Value.Samples, pair.Value.Samples));

        var evaluation = SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9, 500), Period, BurnRatePolicy.Default, allUp, latencyP95Ms: 120);

        Assert.Empty(evaluation.Signals());
        Assert.Equal(1, evaluation.BudgetRemaining);
        Assert.Null(evaluation.ExhaustedIn);
        Assert.All(evaluation.Windows, window => Assert.Equal(0, window.BurnRate));
    }

    [Fact]
    public void Windows_without_samples_have_no_availability_and_fire_nothing()
    {
        var evaluation = SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9), Period, BurnRatePolicy.Default, new Dictionary<TimeSpan, WindowCounts>(), null);

        Assert.All(evaluation.Windows, window => Assert.Null(window.Availability));
        Assert.Null(evaluation.BudgetConsumed);
        Assert.Null(evaluation.ExhaustedIn);
        Assert.Empty(evaluation.Signals());
    }

    [Fact]
    public void P95_latency_over_the_objective_raises_a_warning_with_both_figures()
    {
        var allUp = TenMinutesDown.ToDictionary(pair => pair.Key, pair => new WindowCounts(pair.Value.Samples, pair.Value.Samples));

        var signal = Assert.Single(SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9, 500), Period, BurnRatePolicy.Default, allUp, 812.5).Signals());

        Assert.Equal(AlertFingerprint.For(SlaEvaluation.LatencyRule, "Ledger"), signal.Fingerprint);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal("p95 latency 812.5 ms over the last hour exceeds the 500 ms objective", signal.Summary);
        Assert.Equal("812.5 ms", signal.Evidence["p95 1h"]);
        Assert.Equal("500 ms", signal.Evidence["objective"]);
        Assert.False(SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9, 500), Period, BurnRatePolicy.Default, allUp, 500).LatencyBreached);
    }

    [Fact]
    public void An_overspent_budget_is_exhausted_now()
    {
        var overspent = new Dictionary<TimeSpan, WindowCounts>(TenMinutesDown) { [Period] = new(1_000, 990) };

        var evaluation = SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9), Period, BurnRatePolicy.Default, overspent, null);

        Assert.Equal(-9, evaluation.BudgetRemaining!.Value, 9);
        Assert.Equal(TimeSpan.Zero, evaluation.ExhaustedIn);
        Assert.EndsWith("; error budget exhausted", evaluation.Signals()[0].Summary);
    }

    [Fact]
    public void The_rules_owned_are_the_policy_s_burn_rate_rules_and_latency()
    {
        Assert.Equal(["burn-rate/page-1h", "burn-rate/page-6h", "burn-rate/ticket-3d", "latency-p95"], SlaEvaluation.RulesFor(BurnRatePolicy.Default));
        Assert.Equal([5, 30, 60, 360, 4_320, 10_080], SlaEvaluation.WindowsFor(BurnRatePolicy.Default, TimeSpan.FromDays(7)).Select(window => window.TotalMinutes));
    }
}
