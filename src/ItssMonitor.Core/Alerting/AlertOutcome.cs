namespace ItssMonitor.Core.Alerting;

/// <summary>
/// What one signal did to one alert: the alert as it now stands (null for an acknowledgement or resolution of
/// an alert the book does not know), the timeline events it produced (none for a pure duplicate), and whether
/// a notification must go out now.
/// </summary>
public sealed record AlertOutcome(Alert? Alert, IReadOnlyList<AlertEvent> Events)
{
    public bool Notify => Events.Any(e => e.Kind == AlertEventKind.Notified);

    public bool Changed => Events.Count > 0;
}
