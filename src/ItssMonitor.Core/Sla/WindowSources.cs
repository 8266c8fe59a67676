using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// Where a window's counts come from: hourly rollups for the whole hours that are rolled up already, raw
/// samples for the partial hour at the start and for the hours after the newest rollup. Long windows read
/// hundreds of times fewer points this way; short ones read raw samples only.
/// </summary>
public sealed record WindowSources(TimeWindow? Rollups, IReadOnlyList<TimeWindow> Raw)
{
    /// <summary>Windows at least this long use rollups (3 days: 72 rollup hours instead of about 26,000 samples per check at 10 s).</summary>
    public static readonly TimeSpan RollupFrom = TimeSpan.FromDays(3);

    /// <param name="newestRollupHour">The start of the newest hour rolled up (the rollup job runs every few minutes); null when none is.</param>
    public static WindowSources For(TimeWindow window, DateTimeOffset? newestRollupHour)
    {
        if (window.Length < RollupFrom || newestRollupHour is not { } newest)
        {
            return new WindowSources(null, [window]);
        }

        var firstWholeHour = HourlyRollup.HourOf(window.From) == window.From ? window.From : HourlyRollup.HourOf(window.From) + HourlyRollup.Length;
        var rolledUpTo = Min(HourlyRollup.HourOf(window.To), newest + HourlyRollup.Length);
        if (rolledUpTo <= firstWholeHour)
        {
            return new WindowSources(null, [window]);
        }

        var raw = new List<TimeWindow>(2);
        if (window.From < firstWholeHour)
        {
            raw.Add(new TimeWindow(window.From, firstWholeHour));
        }

        if (rolledUpTo < window.To)
        {
            raw.Add(new TimeWindow(rolledUpTo, window.To));
        }

        return new WindowSources(new TimeWindow(firstWholeHour, rolledUpTo), raw);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
