namespace ItssMonitor.Core.Alerting;

/// <summary>
/// MTTA and MTTR over a set of incidents (one incident = one occurrence of an alert), from their timelines.
/// Each mean is over the incidents that reached that point: one never acknowledged (it resolved by itself, or
/// is still open) is counted in <see cref="Incidents"/> but not in <see cref="MeanTimeToAcknowledge"/>, which
/// is null when no incident was acknowledged; likewise for resolution.
/// </summary>
public sealed record IncidentMetrics(
    int Incidents,
    int Acknowledged,
    TimeSpan? MeanTimeToAcknowledge,
    int Resolved,
    TimeSpan? MeanTimeToResolve)
{
    /// <summary>
    /// Groups <paramref name="events"/> into incidents and measures each from its opening to its first
    /// acknowledgement and its first resolution. Timelines without an <see cref="AlertEventKind.Opened"/>
    /// event (cut off by the query's range) are left out: their durations are unknown.
    /// </summary>
    public static IncidentMetrics From(IEnumerable<AlertEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var incidents = 0;
        var toAcknowledge = new List<TimeSpan>();
        var toResolve = new List<TimeSpan>();
        foreach (var timeline in events.GroupBy(e => (e.Fingerprint, e.Occurrence)))
        {
            if (FirstAt(timeline, AlertEventKind.Opened) is not { } opened)
            {
                continue;
            }

            incidents++;
            if (FirstAt(timeline, AlertEventKind.Acknowledged) is { } acknowledged)
            {
                toAcknowledge.Add(acknowledged - opened);
            }

            if (FirstAt(timeline, AlertEventKind.Resolved) is { } resolved)
            {
                toResolve.Add(resolved - opened);
            }
        }

        return new IncidentMetrics(incidents, toAcknowledge.Count, Mean(toAcknowledge), toResolve.Count, Mean(toResolve));
    }

    private static DateTimeOffset? FirstAt(IEnumerable<AlertEvent> timeline, AlertEventKind kind) =>
        timeline.Where(e => e.Kind == kind).Select(e => (DateTimeOffset?)e.At).Min();

    private static TimeSpan? Mean(List<TimeSpan> durations) =>
        durations.Count == 0 ? null : TimeSpan.FromTicks((long)durations.Average(d => d.Ticks));
}
