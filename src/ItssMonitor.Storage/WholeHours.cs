using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage;

/// <summary>Rollups are per clock hour; a window that cuts an hour would store a partial hour as if it were whole.</summary>
internal static class WholeHours
{
    public static void Require(TimeWindow window)
    {
        if (HourlyRollup.HourOf(window.From) != window.From || HourlyRollup.HourOf(window.To) != window.To)
        {
            throw new ArgumentException($"A rollup window must start and end on whole hours (UTC); got {window.From:O} to {window.To:O}.", nameof(window));
        }
    }
}
