using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>A one-off maintenance window: <c>start: "2026-10-20T02:00:00Z", end: "2026-10-20T03:00:00Z"</c>.</summary>
public sealed record FixedMaintenanceWindow(string Name, IReadOnlyList<string> Services, TimeWindow Period)
    : MaintenanceWindow(Name, Services)
{
    public override IEnumerable<TimeWindow> Overlapping(TimeWindow window) =>
        Clip(Period, window) is { } clipped ? [clipped] : [];
}
