using ItssMonitor.Core.Alerting;

namespace ItssMonitor.UnitTests.Alerting;

public sealed class IncidentMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<AlertEvent> Incident(string service, double? ackMinutes, double? resolveMinutes, int occurrence = 1)
    {
        var fingerprint = AlertFingerprint.For("service-down", service);
        yield return new AlertEvent(fingerprint, occurrence, AlertEventKind.Opened, T0);
        yield return new AlertEvent(fingerprint, occurrence, AlertEventKind.Notified, T0);
        if (ackMinutes is { } ack)
        {
            yield return new AlertEvent(fingerprint, occurrence, AlertEventKind.Acknowledged, T0.AddMinutes(ack), "alice");
        }

        if (resolveMinutes is { } resolve)
        {
            yield return new AlertEvent(fingerprint, occurrence, AlertEventKind.Resolved, T0.AddMinutes(resolve));
        }
    }

    [Fact]
    public void Means_are_over_the_incidents_that_got_that_far()
    {
        var events = Incident("A", 5, 30)
            .Concat(Incident("B", 15, 60))
            .Concat(Incident("C", null, 10))     // resolved by itself, never acknowledged
            .Concat(Incident("D", null, null))   // still open
            .Concat(Incident("A", 1, 2, occurrence: 2));

        var metrics = IncidentMetrics.From(events);

        // MTTA: (5 + 15 + 1) / 3 = 7 m; MTTR: (30 + 60 + 10 + 2) / 4 = 25.5 m.
        Assert.Equal(new IncidentMetrics(5, 3, TimeSpan.FromMinutes(7), 4, TimeSpan.FromMinutes(25.5)), metrics);
    }

    [Fact]
    public void Without_acknowledgements_or_resolutions_there_is_no_mean()
    {
        Assert.Equal(new IncidentMetrics(1, 0, null, 0, null), IncidentMetrics.From(Incident("D", null, null)));
        Assert.Equal(new IncidentMetrics(0, 0, null, 0, null), IncidentMetrics.From([]));
    }

    [Fact]
    public void A_timeline_cut_off_before_its_opening_is_left_out()
    {
        var cut = Incident("A", 5, 30).Where(e => e.Kind != AlertEventKind.Opened);

        Assert.Equal(0, IncidentMetrics.From(cut).Incidents);
    }

    [Fact]
    public void The_book_s_own_timeline_measures_as_expected()
    {
        var book = new AlertBook(AlertPolicy.Default);
        var fingerprint = AlertFingerprint.For("service-down", "Ledger");
        var signal = new AlertSignal(fingerprint, "Ledger", AlertSeverity.Critical, "down", new Dictionary<string, string>());
        var timeline = new List<AlertEvent>();
        timeline.AddRange(book.Fire(signal, T0).Events);
        timeline.AddRange(book.Acknowledge(fingerprint, "alice", T0.AddMinutes(4)).Events);
        timeline.AddRange(book.Resolve(fingerprint, T0.AddMinutes(40)).Events);

        Assert.Equal(new IncidentMetrics(1, 1, TimeSpan.FromMinutes(4), 1, TimeSpan.FromMinutes(40)), IncidentMetrics.From(timeline));
    }
}
