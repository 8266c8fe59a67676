using System.Globalization;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// A service's SLA as it stands now: availability and burn rate per rolling window, the error budget spent over
/// the SLA period, when it runs out at the current burn, p95 latency against its objective, and the alerts
/// that follow from them.
/// </summary>
public sealed record SlaEvaluation(
    string Service,
    ServiceSla Sla,
    ErrorBudget Budget,
    IReadOnlyList<SlaWindowResult> Windows,
    double? BudgetConsumed,
    double? BudgetRemaining,
    TimeSpan? ExhaustedIn,
    double? LatencyP95Ms,
    IReadOnlyList<BurnRateFiring> Firing)
{
    /// <summary>The alert rule for p95 latency above the SLA's objective.</summary>
    public const string LatencyRule = "latency-p95";

    /// <summary>The prefix of burn-rate alert rules: <c>burn-rate/page-1h</c>.</summary>
    public const string BurnRateRulePrefix = "burn-rate/";

    /// <summary>
    /// The burn rate the forecast extrapolates: the last hour, recent enough to follow an outage, long enough
    /// not to swing with every failed sample. The latency objective is judged over the same hour.
    /// </summary>
    public static readonly TimeSpan ForecastWindow = TimeSpan.FromHours(1);

    /// <summary>The windows shown for every service, whatever the burn-rate rules need.</summary>
    public static IReadOnlyList<TimeSpan> StandardWindows { get; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(3)];

    /// <summary>Every window an evaluation measures, shortest first: the standard ones, the rules' and the SLA period.</summary>
    public static IReadOnlyList<TimeSpan> WindowsFor(BurnRatePolicy policy, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return StandardWindows.Concat(policy.Windows).Append(period).Distinct().Order().ToArray();
    }

    /// <summary>The alert rules an SLA evaluation owns, for <c>IAlertSignals.ReportAsync</c>.</summary>
    public static IReadOnlyList<string> RulesFor(BurnRatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Rules.Select(rule => BurnRateRulePrefix + rule.Name).Append(LatencyRule).ToArray();
    }

    /// <param name="counts">Samples and up samples per window (maintenance already left out); a window missing had none.</param>
    /// <param name="latencyP95Ms">p95 latency over <see cref="ForecastWindow"/>; null without latency samples.</param>
    public static SlaEvaluation Evaluate(
        string service,
        ServiceSla sla,
        TimeSpan period,
        BurnRatePolicy policy,
        IReadOnlyDictionary<TimeSpan, WindowCounts> counts,
        double? latencyP95Ms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(counts);
        var budget = new ErrorBudget(sla.Availability / 100, period);
        var windows = WindowsFor(policy, period)
            .Select(window => counts.GetValueOrDefault(window, WindowCounts.None) is var windowCounts && windowCounts.Availability is { } availability
                ? new SlaWindowResult(window, windowCounts, availability, budget.BurnRate(availability))
                : new SlaWindowResult(window, windowCounts, null, null))
            .ToArray();
        var consumed = windows.Single(result => result.Window == period).Availability is { } periodAvailability ? budget.Consumed(periodAvailability) : (double?)null;
        var remaining = 1 - consumed;
        var forecast = remaining is { } left && windows.Single(result => result.Window == ForecastWindow).BurnRate is { } burn
            ? budget.ExhaustedIn(left, burn)
            : null;
        return new SlaEvaluation(service, sla, budget, windows, consumed, remaining, forecast, latencyP95Ms, policy.Evaluate(budget, counts));
    }

    /// <summary>Whether p95 latency over the last hour is above the SLA's objective.</summary>
    public bool LatencyBreached => Sla.LatencyP95Ms is { } objective && LatencyP95Ms is { } p95 && p95 > objective;

    /// <summary>The alerts this evaluation raises: one per firing burn-rate rule, and one when latency breaches its objective.</summary>
    public IReadOnlyList<AlertSignal> Signals()
    {
        var signals = new List<AlertSignal>();
        foreach (var firing in Firing)
        {
            var rule = BurnRateRulePrefix + firing.Rule.Name;
            signals.Add(new AlertSignal(AlertFingerprint.For(rule, Service), Service, firing.Rule.Severity, firing.Summary + ForecastText(), BurnRateEvidence()));
        }

        if (LatencyBreached)
        {
            var evidence = new Dictionary<string, string>
            {
                ["p95 1h"] = Milliseconds(LatencyP95Ms!.Value),
                ["objective"] = Milliseconds(Sla.LatencyP95Ms!.Value),
            };
            signals.Add(new AlertSignal(AlertFingerprint.For(LatencyRule, Service), Service, AlertSeverity.Warning,
                $"p95 latency {Milliseconds(LatencyP95Ms.Value)} over the last hour exceeds the {Milliseconds(Sla.LatencyP95Ms.Value)} objective", evidence));
        }

        return signals;
    }

    /// <summary>"; budget exhausted in 5.2 h at the current (1h) burn", or that it is spent; empty when it is not burning.</summary>
    private string ForecastText() => ExhaustedIn switch
    {
        { } left when left <= TimeSpan.Zero => "; error budget exhausted",
        { } left => string.Create(CultureInfo.InvariantCulture, $"; budget exhausted in {left.TotalHours:0.#} h at the current (1h) burn"),
        null => "",
    };

    private Dictionary<string, string> BurnRateEvidence()
    {
        var evidence = new Dictionary<string, string>();
        foreach (var window in Windows.Where(result => result.Availability is not null))
        {
            var name = BurnRateFiring.WindowText(window.Window);
            evidence[$"availability {name}"] = Percent(window.Availability!.Value);
            evidence[$"burn rate {name}"] = string.Create(CultureInfo.InvariantCulture, $"{window.BurnRate:0.##}×");
        }

        if (BudgetRemaining is { } remaining)
        {
            evidence["budget remaining"] = Percent(remaining);
        }

        evidence["target"] = Percent(Budget.Target);
        return evidence;
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.###} %");

    private static string Milliseconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} ms");
}
