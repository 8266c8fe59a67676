using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>One line of an incident's timeline as the API and pages show it; <see cref="Actor"/> is null when the system acted.</summary>
public sealed record TimelineEntry(AlertEventKind Kind, DateTimeOffset At, string? Actor, string? Detail)
{
    public static TimelineEntry From(AlertEvent alertEvent) => new(alertEvent.Kind, alertEvent.At, alertEvent.Actor, alertEvent.Detail);
}
