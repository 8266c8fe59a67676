namespace ItssMonitor.Core.Sla;

/// <summary>
/// How many check results a window holds and how many of them were up: the raw material of sample-based
/// availability. Counts add (raw stretches plus rollup hours) and subtract (maintenance taken out).
/// </summary>
public readonly record struct WindowCounts(long Samples, long Up)
{
    public static WindowCounts None { get; } = new(0, 0);

    /// <summary>Up ÷ samples, 0 to 1; null when the window holds no samples (no data is not an outage).</summary>
    public double? Availability => Samples > 0 ? (double)Up / Samples : null;

    public static WindowCounts operator +(WindowCounts left, WindowCounts right) => new(left.Samples + right.Samples, left.Up + right.Up);

    public static WindowCounts operator -(WindowCounts left, WindowCounts right) =>
        // Clamped: a late sample may land in a maintenance stretch after the window was counted, never below zero.
        new(Math.Max(0, left.Samples - right.Samples), Math.Max(0, left.Up - right.Up));
}
