using ItssMonitor.Core.Alerting;

namespace ItssMonitor.UnitTests.Alerting;

public sealed class AlertBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly AlertFingerprint LedgerDown = AlertFingerprint.For("service-down", "Ledger");

    // Re-fire after 4 h; flapping past 3 re-openings within 1 h; damped to one notification per hour.
    private static readonly AlertPolicy Policy = AlertPolicy.Default;

    private static AlertSignal Down(string summary = "Ledger is down") =>
        new(LedgerDown, "Ledger", AlertSeverity.Critical, summary, new Dictionary<string, string> { ["health"] = summary });

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    private static AlertEventKind[] Kinds(AlertOutcome outcome) => outcome.Events.Select(e => e.Kind).ToArray();

    [Fact]
    public void A_new_problem_opens_an_alert_and_notifies_once()
    {
        var book = new AlertBook(Policy);

        var outcome = book.Fire(Down(), T0);

        Assert.Equal([AlertEventKind.Opened, AlertEventKind.Notified], Kinds(outcome));
        Assert.True(outcome.Notify);
        Assert.Equal(AlertState.Firing, outcome.Alert!.State);
        Assert.Equal(1, outcome.Alert.Occurrence);
        Assert.All(outcome.Events, e => Assert.Equal((LedgerDown, 1, T0), (e.Fingerprint, e.Occurrence, e.At)));
    }

    [Fact]
    public void A_repeated_signal_updates_the_evidence_without_a_new_alert_or_notification()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);

        var repeat = book.Fire(Down("Ledger is down: connection refused"), At(1));

        Assert.Empty(repeat.Events);
        Assert.False(repeat.Notify);
        var alert = Assert.Single(book.Alerts);
        Assert.Equal((1, T0, At(1)), (alert.Occurrence, alert.OpenedAt, alert.LastSeenAt));
        Assert.Equal("Ledger is down: connection refused", alert.Evidence["health"]);
    }

    [Fact]
    public void An_unacknowledged_alert_is_notified_again_after_the_refire_interval()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);

        Assert.Empty(book.Review(At(239)));
        var refire = Assert.Single(book.Review(At(240)));
        Assert.Equal([AlertEventKind.Refired, AlertEventKind.Notified], Kinds(refire));
        Assert.Empty(book.Fire(Down(), At(241)).Events);
        // A signal carries the re-fire too, so a job that only sends signals still re-notifies.
        Assert.Equal([AlertEventKind.Refired, AlertEventKind.Notified], Kinds(book.Fire(Down(), At(480))));
    }

    [Fact]
    public void Acknowledging_records_who_and_stops_refiring()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);

        var ack = book.Acknowledge(LedgerDown, "alice", At(5));

        var acknowledged = Assert.Single(ack.Events);
        Assert.Equal((AlertEventKind.Acknowledged, "alice", At(5)), (acknowledged.Kind, acknowledged.Actor, acknowledged.At));
        Assert.Equal(AlertState.Acknowledged, ack.Alert!.State);
        Assert.Empty(book.Review(At(600)));
        Assert.Empty(book.Fire(Down(), At(601)).Events);
        Assert.Empty(book.Acknowledge(LedgerDown, "bob", At(602)).Events);
        Assert.Equal("alice", book.Find(LedgerDown)!.AcknowledgedBy);
    }

    [Fact]
    public void Firing_after_resolution_opens_a_new_occurrence()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);
        book.Acknowledge(LedgerDown, "alice", At(5));

        var resolved = book.Resolve(LedgerDown, At(30));
        var resolvedTwice = book.Resolve(LedgerDown, At(31));
        var again = book.Fire(Down(), At(90));

        Assert.Equal([AlertEventKind.Resolved], Kinds(resolved));
        Assert.Null(resolved.Events[0].Actor);
        Assert.Empty(resolvedTwice.Events);
        Assert.Equal([AlertEventKind.Opened, AlertEventKind.Notified], Kinds(again));
        Assert.Equal((2, AlertState.Firing, At(90), (string?)null), (again.Alert!.Occurrence, again.Alert.State, again.Alert.OpenedAt, again.Alert.AcknowledgedBy));
        Assert.All(again.Events, e => Assert.Equal(2, e.Occurrence));
    }

    [Fact]
    public void A_resolved_alert_cannot_be_acknowledged_and_an_unknown_one_is_not_found()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);
        book.Resolve(LedgerDown, At(1), by: "bob");

        Assert.Empty(book.Acknowledge(LedgerDown, "alice", At(2)).Events);
        Assert.Equal(AlertState.Resolved, book.Find(LedgerDown)!.State);
        var unknown = book.Acknowledge(AlertFingerprint.For("cert-expiry", "Payments API", "cert", "tls"), "alice", At(2));
        Assert.Null(unknown.Alert);
        Assert.Empty(unknown.Events);
    }

    [Fact]
    public void A_flapping_alert_is_held_and_notifies_at_most_once_per_damping_period()
    {
        var book = new AlertBook(Policy);
        var notified = new List<double>();
        var flapping = new List<double>();

        void Fire(double minute)
        {
            var outcome = book.Fire(Down(), At(minute));
            if (outcome.Notify)
            {
                notified.Add(minute);
            }

            if (outcome.Events.Any(e => e.Kind == AlertEventKind.Flapping))
            {
                flapping.Add(minute);
            }
        }

        // Down at 0, 2, 4, 6, 8, 10 (up in between): re-openings at 2, 4, 6 are within the threshold of 3,
        // the fourth (8) makes it flapping, and from then on the 6-minute-old notification holds the rest back.
        Fire(0);
        for (var minute = 2; minute <= 10; minute += 2)
        {
            book.Resolve(LedgerDown, At(minute - 1));
            Fire(minute);
        }

        Assert.Equal([0, 2, 4, 6], notified);
        Assert.Equal([8], flapping);
        Assert.True(book.Find(LedgerDown)!.IsFlapping);
        Assert.Equal(6, book.Find(LedgerDown)!.Occurrence);

        // A damping period after the last notification (6 + 60), the still-firing occurrence is notified once.
        Assert.Empty(book.Review(At(65)));
        var damped = Assert.Single(book.Review(At(66)));
        Assert.Equal([AlertEventKind.Notified], Kinds(damped));
        Assert.Equal("flapping", damped.Events[0].Detail);

        // A whole flap window after the last re-opening (10 + 60) it is steady again; the re-fire interval runs on.
        var calm = Assert.Single(book.Review(At(70)));
        Assert.Equal([AlertEventKind.FlappingStopped], Kinds(calm));
        Assert.False(calm.Alert!.IsFlapping);
        Assert.Equal([AlertEventKind.Refired, AlertEventKind.Notified], Kinds(Assert.Single(book.Review(At(66 + 240)))));
    }

    [Fact]
    public void A_restored_book_carries_on_where_the_saved_one_stopped()
    {
        var book = new AlertBook(Policy);
        book.Fire(Down(), T0);
        book.Resolve(LedgerDown, At(10));

        var restored = new AlertBook(Policy, book.Alerts);

        Assert.Equal(2, restored.Fire(Down(), At(20)).Alert!.Occurrence);
    }
}
