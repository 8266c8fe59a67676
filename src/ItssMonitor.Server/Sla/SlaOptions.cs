using System.ComponentModel.DataAnnotations;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Server.Sla;

/// <summary>
/// Configuration section <c>Sla</c>: the period error budgets are kept over (<c>Sla:Period</c>, 30 days) and the
/// multi-window burn-rate rules (<c>Sla:BurnRateRules</c>; unset: the SRE workbook's, <see cref="BurnRatePolicy.Default"/>).
/// </summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string Section = "Sla";

    public TimeSpan Period { get; set; } = ErrorBudget.DefaultPeriod;

    public List<BurnRateRuleOptions> BurnRateRules { get; set; } = [];

    /// <summary>Fewest check results a rule's long window must hold before it may fire.</summary>
    public int BurnRateMinimumSamples { get; set; } = BurnRatePolicy.DefaultMinimumSamples;

    /// <summary>The configured rules, or the workbook's when none are configured.</summary>
    public BurnRatePolicy Policy() => new(
        BurnRateRules.Count == 0
            ? BurnRatePolicy.Default.Rules
            : BurnRateRules.Select(rule => new BurnRateRule(rule.Name, rule.Threshold, rule.LongWindow, rule.ShortWindow, rule.Severity)).ToArray(),
        BurnRateMinimumSamples);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Period < TimeSpan.FromDays(1) || Period > TimeSpan.FromDays(400))
        {
            yield return new ValidationResult($"Sla:Period must be between 1 day and 400 days (got {Period}).", [nameof(Period)]);
        }

        if (BurnRateMinimumSamples < 1)
        {
            yield return new ValidationResult($"Sla:BurnRateMinimumSamples must be at least 1 (got {BurnRateMinimumSamples}).", [nameof(BurnRateMinimumSamples)]);
            yield break;
        }

        string? problem = null;
        try
        {
            if (Policy().Windows.FirstOrDefault(window => window > Period) is { Ticks: > 0 } tooLong)
            {
                problem = $"Sla:BurnRateRules: a window of {tooLong} is longer than Sla:Period ({Period}).";
            }
        }
        catch (ArgumentException exception)
        {
            problem = $"Sla:BurnRateRules: {exception.Message}";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(BurnRateRules)]);
        }
    }
}
