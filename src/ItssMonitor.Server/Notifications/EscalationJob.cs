using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Hangfire job scheduled <c>escalateAfter</c> after an occurrence's first notification: when that occurrence is
/// still firing (nobody acknowledged it, it has not resolved), its route's <c>escalateTo</c> channels hear about it.
/// Acknowledging or resolving deletes the scheduled job; the check here covers an acknowledgement that raced it.
/// </summary>
public sealed partial class EscalationJob(IAlertReader alerts, NotificationQueue queue, ILogger<EscalationJob> logger)
{
    public async Task EscalateAsync(string alertId, int occurrence, string[] channels, CancellationToken cancellationToken)
    {
        var alert = await alerts.FindAsync(alertId, cancellationToken);
        if (alert is not { State: AlertState.Firing } || alert.Occurrence != occurrence)
        {
            LogNotNeeded(alertId, occurrence, alert?.State.ToString() ?? "gone", alert?.Occurrence ?? 0);
            return;
        }

        LogEscalating(alertId, occurrence, string.Join(", ", channels));
        await queue.SendAsync(alert, NotificationState.Escalated, channels, sequence: 0, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of alert {AlertId} occurrence {Occurrence} not needed: it is {State} (occurrence {Current})")]
    private partial void LogNotNeeded(string alertId, int occurrence, string state, int current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} occurrence {Occurrence} is still firing unacknowledged: escalating to {Channels}")]
    private partial void LogEscalating(string alertId, int occurrence, string channels);
}
