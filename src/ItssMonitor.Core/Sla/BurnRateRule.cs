using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// One multi-window burn-rate rule: it fires when the burn rate is at least <see cref="Threshold"/> over both
/// the long window (the budget really is burning) and the short one (it still is, so the alert resets soon
/// after the problem ends).
/// </summary>
public sealed record BurnRateRule
{
    public BurnRateRule(string name, double threshold, TimeSpan longWindow, TimeSpan shortWindow, AlertSeverity severity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(threshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A burn-rate threshold must be above zero.");
        }

        if (shortWindow <= TimeSpan.Zero || longWindow <= shortWindow)
        {
            throw new ArgumentException($"Rule '{name}': the short window ({shortWindow}) must be longer than zero and shorter than the long one ({longWindow}).", nameof(shortWindow));
        }

        Name = name;
        Threshold = threshold;
        LongWindow = longWindow;
        ShortWindow = shortWindow;
        Severity = severity;
    }

    public string Name { get; }

    public double Threshold { get; }

    public TimeSpan LongWindow { get; }

    public TimeSpan ShortWindow { get; }

    public AlertSeverity Severity { get; }
}
