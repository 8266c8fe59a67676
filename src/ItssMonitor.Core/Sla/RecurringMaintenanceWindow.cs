using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// A maintenance window that opens whenever <see cref="Schedule"/> fires (UTC) and stays open for
/// <see cref="Duration"/>: <c>cron: "0 3 * * SUN", duration: 1h</c>.
/// </summary>
public sealed record RecurringMaintenanceWindow : MaintenanceWindow
{
    public RecurringMaintenanceWindow(string name, IReadOnlyList<string> services, CronSchedule schedule, TimeSpan duration)
        : base(name, services)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Maintenance window '{name}' must last longer than zero.");
        }

        Schedule = schedule;
        Duration = duration;
    }

    public CronSchedule Schedule { get; }

    public TimeSpan Duration { get; }

    public override IEnumerable<TimeWindow> Overlapping(TimeWindow window)
    {
        // An opening up to one duration before the window still reaches into it; openings closer together than
        // the duration overlap, and are merged so the caller never excludes the same minute twice.
        TimeWindow? pending = null;
        for (var start = Schedule.NextAfter(window.From - Duration - TimeSpan.FromMinutes(1));
             start is { } opening && opening < window.To;
             start = Schedule.NextAfter(opening))
        {
            if (Clip(new TimeWindow(opening, opening + Duration), window) is not { } clipped)
            {
                continue;
            }

            if (pending is { } open && clipped.From <= open.To)
            {
                pending = new TimeWindow(open.From, clipped.To > open.To ? clipped.To : open.To);
                continue;
            }

            if (pending is { } finished)
            {
                yield return finished;
            }

            pending = clipped;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }
}
