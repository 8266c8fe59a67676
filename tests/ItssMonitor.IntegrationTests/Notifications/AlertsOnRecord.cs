using System.Collections.Concurrent;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>
/// The alert engine's read side as the notification tests need it: the alerts their <see cref="AlertBook"/> produced,
/// by id. Our own seam, and the alert state is the test's input, so nothing real is replaced by it.
/// </summary>
internal sealed class AlertsOnRecord : IAlertReader
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new();

    public void Keep(Alert alert) => _alerts[alert.Fingerprint.Id] = alert;

    public Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(_alerts.GetValueOrDefault(alertId));
}
