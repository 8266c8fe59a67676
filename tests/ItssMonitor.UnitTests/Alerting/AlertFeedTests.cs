using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.UnitTests.Alerting;

/// <summary>The in-process feed of alert changes to pages: every subscriber gets each change, a failing one does not stop the others, disposing ends it.</summary>
public sealed class AlertFeedTests
{
    private static readonly AlertOutcome Opened = new AlertBook(AlertPolicy.Default).Fire(
        new AlertSignal(AlertFingerprint.For("service-down", "Ledger"), "Ledger", AlertSeverity.Critical, "Ledger is down", new Dictionary<string, string>()),
        new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_subscriber_gets_the_changed_alert_even_when_another_throws_until_it_unsubscribes()
    {
        var feed = new AlertFeed(NullLogger<AlertFeed>.Instance);
        var first = new List<AlertView>();
        var last = new List<AlertView>();
        using var one = feed.Subscribe(first.Add);
        using var broken = feed.Subscribe(_ => throw new InvalidOperationException("a broken page"));
        var other = feed.Subscribe(last.Add);

        await feed.OnAlertChangedAsync(Opened, CancellationToken.None);
        other.Dispose();
        other.Dispose();
        await feed.OnAlertChangedAsync(Opened, CancellationToken.None);

        Assert.Equal([Opened.Alert!.Fingerprint.Id, Opened.Alert.Fingerprint.Id], first.Select(alert => alert.Id));
        Assert.Equal("Ledger is down", Assert.Single(last).Summary);
    }
}
