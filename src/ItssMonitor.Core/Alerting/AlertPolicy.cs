namespace ItssMonitor.Core.Alerting;

/// <summary>
/// How insistent the <see cref="AlertBook"/> is: re-notify an unacknowledged alert every
/// <see cref="RefireAfter"/>; hold an alert that fired again after resolving more than
/// <see cref="FlapThreshold"/> times within <see cref="FlapWindow"/>, notifying it at most once per
/// <see cref="DampingPeriod"/>.
/// </summary>
public sealed record AlertPolicy
{
    public AlertPolicy(TimeSpan refireAfter, int flapThreshold, TimeSpan flapWindow, TimeSpan dampingPeriod)
    {
        if (refireAfter <= TimeSpan.Zero || flapWindow <= TimeSpan.Zero || dampingPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(refireAfter), "The re-fire interval, flap window and damping period must all be longer than zero.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(flapThreshold);
        RefireAfter = refireAfter;
        FlapThreshold = flapThreshold;
        FlapWindow = flapWindow;
        DampingPeriod = dampingPeriod;
    }

    /// <summary>Re-notify after 4 h (Alertmanager's <c>repeat_interval</c>); flapping past 3 re-openings in 1 h, damped to one notification an hour.</summary>
    public static AlertPolicy Default { get; } = new(TimeSpan.FromHours(4), 3, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public TimeSpan RefireAfter { get; }

    public int FlapThreshold { get; }

    public TimeSpan FlapWindow { get; }

    public TimeSpan DampingPeriod { get; }
}
