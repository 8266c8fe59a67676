using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Pages.Incidents;

namespace ItssMonitor.UnitTests.Pages;

/// <summary>How the incidents page words ages, timeline lines and the MTTA/MTTR summary.</summary>
public sealed class IncidentsTextTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-5, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(119, "119 s")]
    [InlineData(120, "2 min")]
    [InlineData(12 * 60 + 59, "12 min")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 5 min")]
    [InlineData(2 * 86400 + 4 * 3600 + 59 * 60, "2 d 4 h")]
    public void Ages_are_said_as_a_person_on_call_says_them(int seconds, string expected) =>
        Assert.Equal(expected, AlertText.Span(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Timeline_lines_name_who_acted_and_tell_a_cleared_alert_from_a_resolved_one()
    {
        Assert.Equal("acknowledged by alice", AlertText.Line(new TimelineEntry(AlertEventKind.Acknowledged, T0, "alice", "on it")));
        Assert.Equal("resolved by bob", AlertText.Line(new TimelineEntry(AlertEventKind.Resolved, T0, "bob", null)));
        Assert.Equal("resolved (cleared)", AlertText.Line(new TimelineEntry(AlertEventKind.Resolved, T0, null, null)));
        Assert.Equal("opened", AlertText.Line(new TimelineEntry(AlertEventKind.Opened, T0, null, "Ledger is down")));
    }

    [Fact]
    public void The_summary_gives_counts_and_means_and_a_dash_where_none_got_that_far()
    {
        Assert.Equal(
            "3 incidents · 2 acknowledged, MTTA 84 s · 1 resolved, MTTR 10 min",
            AlertText.Summary(new IncidentSummary(3, 2, 84.2, 1, 611.9)));
        Assert.Equal(
            "1 incident · 0 acknowledged, MTTA — · 0 resolved, MTTR —",
            AlertText.Summary(new IncidentSummary(1, 0, null, 0, null)));
    }

    [Fact]
    public void The_rule_shows_the_check_when_the_alert_is_about_one()
    {
        var signal = new AlertSignal(AlertFingerprint.For("cert-expiry", "Shop", "tls", "tls"), "Shop", AlertSeverity.Warning, "expires", new Dictionary<string, string>());
        var alert = AlertView.From(new AlertBook(AlertPolicy.Default).Fire(signal, T0).Alert!);

        Assert.Equal("cert-expiry · tls", AlertText.Rule(alert));
        Assert.Equal("severity-warning", AlertText.Css(alert.Severity));
    }
}
