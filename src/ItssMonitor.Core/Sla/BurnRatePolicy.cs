using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// Multi-window, multi-burn-rate alerting as in Google's SRE workbook (chapter "Alerting on SLOs"): a set of
/// <see cref="BurnRateRule"/>s judged against the availability measured over each window they name.
/// </summary>
public sealed class BurnRatePolicy
{
    /// <summary>
    /// Fewest check results a rule's long window must hold before the rule may fire: with a handful of samples one
    /// failure is a huge burn rate, so a service that has just started would page at once (the workbook's answer for
    /// low-traffic services is the same: a minimum number of events).
    /// </summary>
    public const int DefaultMinimumSamples = 30;

    public BurnRatePolicy(IReadOnlyList<BurnRateRule> rules, int minimumSamples = DefaultMinimumSamples)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumSamples);
        if (rules.Count == 0)
        {
            throw new ArgumentException("A burn-rate policy needs at least one rule.", nameof(rules));
        }

        var duplicate = rules.GroupBy(rule => rule.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Burn-rate rule names must be unique; '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(rules));
        }

        Rules = rules;
        MinimumSamples = minimumSamples;
        Windows = rules.SelectMany(rule => new[] { rule.ShortWindow, rule.LongWindow }).Distinct().Order().ToArray();
    }

    /// <summary>
    /// The workbook's defaults for a 30-day budget: 14.4× over 1 h and 5 m (2 % of the budget in an hour) and
    /// 6× over 6 h and 30 m (5 % in six hours) page; 1× over 3 d and 6 h (10 % in three days) opens a ticket.
    /// </summary>
    public static BurnRatePolicy Default { get; } = new([
        new BurnRateRule("page-1h", 14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), AlertSeverity.Critical),
        new BurnRateRule("page-6h", 6, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), AlertSeverity.Critical),
        new BurnRateRule("ticket-3d", 1, TimeSpan.FromDays(3), TimeSpan.FromHours(6), AlertSeverity.Warning),
    ]);

    public IReadOnlyList<BurnRateRule> Rules { get; }

    /// <summary>Fewest samples a rule's long window must hold before it may fire (<see cref="DefaultMinimumSamples"/> unless configured).</summary>
    public int MinimumSamples { get; }

    /// <summary>Every window some rule needs, shortest first: what an evaluation has to measure.</summary>
    public IReadOnlyList<TimeSpan> Windows { get; }

    /// <summary>
    /// The rules that fire for these measurements. A window missing from <paramref name="countsByWindow"/> had no
    /// data, and a rule that cannot see both its windows, or whose long window holds fewer than
    /// <see cref="MinimumSamples"/>, does not fire: no samples is not an outage (staleness is alerted on elsewhere),
    /// and a few samples are not evidence.
    /// </summary>
    public IReadOnlyList<BurnRateFiring> Evaluate(ErrorBudget budget, IReadOnlyDictionary<TimeSpan, WindowCounts> countsByWindow)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(countsByWindow);
        var firing = new List<BurnRateFiring>();
        foreach (var rule in Rules)
        {
            var longCounts = countsByWindow.GetValueOrDefault(rule.LongWindow, WindowCounts.None);
            if (longCounts.Samples < MinimumSamples
                || longCounts.Availability is not { } longAvailability
                || countsByWindow.GetValueOrDefault(rule.ShortWindow, WindowCounts.None).Availability is not { } shortAvailability)
            {
                continue;
            }

            var longRate = budget.BurnRate(longAvailability);
            var shortRate = budget.BurnRate(shortAvailability);
            if (longRate >= rule.Threshold && shortRate >= rule.Threshold)
            {
                firing.Add(new BurnRateFiring(rule, longRate, shortRate));
            }
        }

        return firing;
    }
}
