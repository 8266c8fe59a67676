using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// Every maintenance window in force, answering per service: is it in maintenance now (silence its alerts),
/// and which stretches of a window were maintenance (leave them out of its availability).
/// </summary>
public sealed class MaintenanceCalendar
{
    public MaintenanceCalendar(IReadOnlyList<MaintenanceWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        Windows = windows;
    }

    public static MaintenanceCalendar Empty { get; } = new([]);

    public IReadOnlyList<MaintenanceWindow> Windows { get; }

    /// <summary>This calendar's windows followed by <paramref name="more"/> (this one itself when there are none).</summary>
    public MaintenanceCalendar With(IReadOnlyList<MaintenanceWindow> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return more.Count == 0 ? this : new MaintenanceCalendar([.. Windows, .. more]);
    }

    /// <summary>The windows for <paramref name="service"/> open at <paramref name="at"/> (empty when none), to name in a silenced alert's evidence.</summary>
    public IReadOnlyList<MaintenanceWindow> OpenAt(string service, DateTimeOffset at) =>
        OpenAt(at).Where(window => window.AppliesTo(service)).ToArray();

    /// <summary>Every window open at <paramref name="at"/>, whichever services it is for, in file order.</summary>
    public IReadOnlyList<MaintenanceWindow> OpenAt(DateTimeOffset at)
    {
        var instant = new TimeWindow(at, at.AddTicks(1));
        return Windows.Where(window => window.Overlapping(instant).Any()).ToArray();
    }

    public bool IsInMaintenance(string service, DateTimeOffset at) => OpenAt(service, at).Count > 0;

    /// <summary>
    /// The stretches of <paramref name="window"/> that <paramref name="service"/> spent in maintenance, from
    /// every window that applies, merged where they overlap or touch, clipped to the window, in order.
    /// </summary>
    public IReadOnlyList<TimeWindow> Overlapping(string service, TimeWindow window)
    {
        var merged = new List<TimeWindow>();
        var intervals = Windows.Where(maintenance => maintenance.AppliesTo(service))
            .SelectMany(maintenance => maintenance.Overlapping(window))
            .OrderBy(interval => interval.From);
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.From <= merged[^1].To)
            {
                var last = merged[^1];
                merged[^1] = new TimeWindow(last.From, interval.To > last.To ? interval.To : last.To);
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
