namespace ItssMonitor.Core.Alerting;

/// <summary>
/// Every alert by fingerprint and the rules of its lifecycle: <c>firing → acknowledged → resolved</c>, with
/// duplicates folded in, re-notification of what nobody acknowledges, and flap damping. It does no I/O and
/// reads no clock: callers pass <c>now</c>, persist the <see cref="Alert"/>s and <see cref="AlertEvent"/>s it
/// returns, and send the notifications it asks for. Not thread-safe: one caller at a time (a lock, or one job).
/// </summary>
public sealed class AlertBook
{
    private readonly Dictionary<AlertFingerprint, Alert> _alerts = [];

    /// <param name="restored">Alerts saved from an earlier book, so a restart keeps occurrences, acknowledgements and flap history.</param>
    public AlertBook(AlertPolicy policy, IEnumerable<Alert>? restored = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        foreach (var alert in restored ?? [])
        {
            _alerts[alert.Fingerprint] = alert;
        }
    }

    public AlertPolicy Policy { get; }

    public IReadOnlyCollection<Alert> Alerts => _alerts.Values;

    public Alert? Find(AlertFingerprint fingerprint) => _alerts.GetValueOrDefault(fingerprint);

    /// <summary>
    /// The problem is there at <paramref name="now"/>. A new or resolved alert opens a new occurrence and
    /// notifies (unless damped); one already firing or acknowledged only takes the newer evidence, and
    /// notifies again only when its re-fire time has come.
    /// </summary>
    public AlertOutcome Fire(AlertSignal signal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var events = new List<AlertEvent>();
        var existing = Find(signal.Fingerprint);
        Alert alert;
        if (existing is null || existing.State == AlertState.Resolved)
        {
            alert = new Alert
            {
                Fingerprint = signal.Fingerprint,
                Service = signal.Service,
                Severity = signal.Severity,
                State = AlertState.Firing,
                Occurrence = (existing?.Occurrence ?? 0) + 1,
                OpenedAt = now,
                LastSeenAt = now,
                Summary = signal.Summary,
                Evidence = signal.Evidence,
                LastNotifiedAt = existing?.LastNotifiedAt,
                IsFlapping = existing?.IsFlapping ?? false,
                RecentReopenings = existing is null ? [] : [.. existing.RecentReopenings, now],
            };
            events.Add(Event(alert, AlertEventKind.Opened, now, detail: signal.Summary));
        }
        else
        {
            alert = existing with { LastSeenAt = now, Severity = signal.Severity, Summary = signal.Summary, Evidence = signal.Evidence };
        }

        alert = NotifyIfDue(TrackFlapping(alert, now, events), now, events);
        _alerts[alert.Fingerprint] = alert;
        return new AlertOutcome(alert, events);
    }

    /// <summary>Someone has it: a firing alert stops re-notifying. Acknowledging twice, or after it resolved, changes nothing.</summary>
    public AlertOutcome Acknowledge(AlertFingerprint fingerprint, string by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Find(fingerprint) is not { State: AlertState.Firing } alert)
        {
            return new AlertOutcome(Find(fingerprint), []);
        }

        alert = alert with { State = AlertState.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by };
        _alerts[fingerprint] = alert;
        return new AlertOutcome(alert, [Event(alert, AlertEventKind.Acknowledged, now, actor: by)]);
    }

    /// <summary>The problem is gone (<paramref name="by"/> null: the system saw it clear). Resolving twice changes nothing.</summary>
    public AlertOutcome Resolve(AlertFingerprint fingerprint, DateTimeOffset now, string? by = null)
    {
        if (Find(fingerprint) is not { State: AlertState.Firing or AlertState.Acknowledged } alert)
        {
            return new AlertOutcome(Find(fingerprint), []);
        }

        alert = alert with { State = AlertState.Resolved, ResolvedAt = now };
        _alerts[fingerprint] = alert;
        return new AlertOutcome(alert, [Event(alert, AlertEventKind.Resolved, now, actor: by)]);
    }

    /// <summary>
    /// What time alone does, for a job to call on a schedule: re-notify alerts still firing and unacknowledged
    /// after the re-fire interval, send what flap damping held back once it allows, and end flapping that has
    /// calmed down. Only alerts that changed are returned.
    /// </summary>
    public IReadOnlyList<AlertOutcome> Review(DateTimeOffset now)
    {
        var outcomes = new List<AlertOutcome>();
        foreach (var current in _alerts.Values.ToArray())
        {
            var events = new List<AlertEvent>();
            var alert = NotifyIfDue(TrackFlapping(current, now, events), now, events);
            if (events.Count > 0)
            {
                _alerts[alert.Fingerprint] = alert;
                outcomes.Add(new AlertOutcome(alert, events));
            }
        }

        return outcomes;
    }

    // Flapping starts past the threshold of re-openings within the window and ends only when a whole window
    // passes without one, so an alert hovering at the threshold does not toggle in and out of damping.
    private Alert TrackFlapping(Alert alert, DateTimeOffset now, List<AlertEvent> events)
    {
        var recent = alert.RecentReopenings.Where(at => at > now - Policy.FlapWindow).ToArray();
        var flapping = recent.Length > Policy.FlapThreshold || (alert.IsFlapping && recent.Length > 0);
        if (flapping != alert.IsFlapping)
        {
            events.Add(Event(alert, flapping ? AlertEventKind.Flapping : AlertEventKind.FlappingStopped, now,
                detail: FormattableString.Invariant($"{recent.Length} re-openings within {Policy.FlapWindow}")));
        }

        return recent.Length == alert.RecentReopenings.Count && flapping == alert.IsFlapping
            ? alert
            : alert with { RecentReopenings = recent, IsFlapping = flapping };
    }

    private Alert NotifyIfDue(Alert alert, DateTimeOffset now, List<AlertEvent> events)
    {
        if (alert.State != AlertState.Firing)
        {
            return alert;
        }

        if (alert.IsFlapping && alert.LastNotifiedAt is { } last && now - last < Policy.DampingPeriod)
        {
            return alert;
        }

        if (alert.NotifiedThisOccurrence)
        {
            if (now - alert.LastNotifiedAt!.Value < Policy.RefireAfter)
            {
                return alert;
            }

            events.Add(Event(alert, AlertEventKind.Refired, now));
        }

        events.Add(Event(alert, AlertEventKind.Notified, now, detail: alert.IsFlapping ? "flapping" : null));
        return alert with { LastNotifiedAt = now };
    }

    private static AlertEvent Event(Alert alert, AlertEventKind kind, DateTimeOffset at, string? actor = null, string? detail = null) =>
        new(alert.Fingerprint, alert.Occurrence, kind, at, actor, detail);
}
