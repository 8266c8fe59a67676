using ItssMonitor.Core.Alerting;
using ItssMonitor.Storage.Relational.Alerts;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The read side of alerting, for the API and the pages alike (inject it into a Blazor page): lists of alerts,
/// one alert with its timeline, and the incidents report with MTTA and MTTR.
/// </summary>
public sealed class AlertQueries(AlertStore store)
{
    /// <summary>Alerts in the state asked for (of one service when given), worst first: by severity, then oldest.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAlertsAsync(AlertStateFilter state, string? service, CancellationToken cancellationToken)
    {
        var alerts = await store.ListAsync(States(state), service, cancellationToken);
        // A List, not a collection expression: the hub sends this, and MessagePack cannot serialize the compiler's read-only list type.
        return alerts.Select(AlertView.From).ToList();
    }

    /// <summary>One alert with its current occurrence's timeline, or null when there is none with that id.</summary>
    public async Task<AlertDetail?> GetAlertAsync(string alertId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(alertId, cancellationToken) is not { } alert)
        {
            return null;
        }

        var timeline = await store.TimelineAsync(alert.Fingerprint, alert.Occurrence, cancellationToken);
        return new AlertDetail(AlertView.From(alert), [.. timeline.Select(TimelineEntry.From)]);
    }

    /// <summary>The incidents opened in [<paramref name="from"/>, <paramref name="to"/>), newest first, filtered by service and state, with their summary.</summary>
    public async Task<IncidentReport> ListIncidentsAsync(DateTimeOffset from, DateTimeOffset to, string? service, AlertStateFilter state, CancellationToken cancellationToken)
    {
        var history = await store.IncidentsAsync(from, to, service, cancellationToken);
        var alerts = history.Alerts.ToDictionary(alert => alert.Fingerprint);
        var wanted = States(state);
        var incidents = history.Events
            .GroupBy(e => (e.Fingerprint, e.Occurrence))
            .Select(timeline => Incident(alerts[timeline.Key.Fingerprint], timeline.Key.Occurrence, [.. timeline]))
            .Where(incident => wanted.Contains(incident.View.State))
            .OrderByDescending(incident => incident.View.OpenedAt)
            .ToList();
        var metrics = IncidentMetrics.From(incidents.SelectMany(incident => incident.Events));
        return new IncidentReport(from, to, IncidentSummary.From(metrics), [.. incidents.Select(incident => incident.View)]);
    }

    /// <summary>Each service's incident figures for the incidents opened in [<paramref name="from"/>, <paramref name="to"/>), from one read of the store; a service without incidents is missing.</summary>
    public async Task<IReadOnlyDictionary<string, IncidentMetrics>> MetricsByServiceAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var history = await store.IncidentsAsync(from, to, null, cancellationToken);
        return history.Events
            .GroupBy(e => e.Fingerprint.Service, StringComparer.Ordinal)
            .ToDictionary(events => events.Key, IncidentMetrics.From, StringComparer.Ordinal);
    }

    private static (IncidentView View, IReadOnlyList<AlertEvent> Events) Incident(Alert alert, int occurrence, IReadOnlyList<AlertEvent> events)
    {
        var opened = events.First(e => e.Kind == AlertEventKind.Opened);
        var acknowledged = events.FirstOrDefault(e => e.Kind == AlertEventKind.Acknowledged);
        var view = new IncidentView(
            AlertView.From(alert),
            occurrence,
            occurrence == alert.Occurrence ? alert.State : AlertState.Resolved,
            opened.Detail,
            opened.At,
            acknowledged?.At,
            acknowledged?.Actor,
            events.FirstOrDefault(e => e.Kind == AlertEventKind.Resolved)?.At,
            [.. events.Select(TimelineEntry.From)]);
        return (view, events);
    }

    private static AlertState[] States(AlertStateFilter filter) => filter switch
    {
        AlertStateFilter.Open => [AlertState.Firing, AlertState.Acknowledged],
        AlertStateFilter.Firing => [AlertState.Firing],
        AlertStateFilter.Acknowledged => [AlertState.Acknowledged],
        AlertStateFilter.Resolved => [AlertState.Resolved],
        _ => [AlertState.Firing, AlertState.Acknowledged, AlertState.Resolved],
    };
}
