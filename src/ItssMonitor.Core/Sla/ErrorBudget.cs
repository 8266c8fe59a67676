namespace ItssMonitor.Core.Sla;

/// <summary>
/// The unavailability an availability target allows over its period (99.9 % over 30 days: a fraction of
/// 0.001, 43.2 minutes), and how fast measured availability spends it, as in Google's SRE workbook.
/// Availabilities and the target are fractions (0.999), not percentages.
/// </summary>
public sealed record ErrorBudget
{
    public ErrorBudget(double target, TimeSpan period)
    {
        if (!(target > 0 && target <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "An availability target is a fraction above 0 and at most 1 (0.999 for 99.9 %).");
        }

        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "An SLA period must be longer than zero.");
        }

        Target = target;
        Period = period;
    }

    /// <summary>The period SLAs are judged over when a service names none.</summary>
    public static TimeSpan DefaultPeriod { get; } = TimeSpan.FromDays(30);

    public double Target { get; }

    public TimeSpan Period { get; }

    /// <summary>The fraction of the period that may be unavailable: 1 − target.</summary>
    public double Fraction => 1 - Target;

    /// <summary>The unavailability allowed over the whole period.</summary>
    public TimeSpan Allowed => Period * Fraction;

    /// <summary>
    /// How many times faster than "exactly used up at the end of the period" the budget burns at this
    /// availability: (1 − availability) / (1 − target). A 100 % target has no budget, so any failure burns
    /// it infinitely fast.
    /// </summary>
    public double BurnRate(double availability)
    {
        var unavailability = 1 - Math.Clamp(availability, 0, 1);
        if (Fraction <= 0)
        {
            return unavailability > 0 ? double.PositiveInfinity : 0;
        }

        return unavailability / Fraction;
    }

    /// <summary>
    /// The share of the budget spent when the availability measured over the period so far is
    /// <paramref name="availability"/>: 1 is all of it, above 1 is overspent.
    /// </summary>
    public double Consumed(double availability) => BurnRate(availability);

    /// <summary>The share of the budget left: 1 − consumed, negative once overspent.</summary>
    public double Remaining(double availability) => 1 - Consumed(availability);

    /// <summary>
    /// How long until the budget is gone if it keeps burning at <paramref name="burnRate"/>: a burn rate of 1
    /// spends a whole budget in one period. Zero when nothing is left; null when it is not burning.
    /// </summary>
    public TimeSpan? ExhaustedIn(double remaining, double burnRate)
    {
        if (remaining <= 0)
        {
            return TimeSpan.Zero;
        }

        if (!(burnRate > 0))
        {
            return null;
        }

        return double.IsPositiveInfinity(burnRate) ? TimeSpan.Zero : Period * (remaining / burnRate);
    }
}
