using System.Collections.Concurrent;
using Hangfire;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Notifications;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Listens to the alert engine and decides who hears what: a notification goes to every channel of every route
/// that matches the service's team and the alert's severity, an escalation is scheduled for routes that have one,
/// an acknowledgement or resolution deletes the scheduled escalations, and a resolution tells the channels that
/// heard about that occurrence that it is over.
/// </summary>
public sealed partial class NotificationDispatcher(
    IMonitoringConfigurationSource configuration,
    NotificationQueue queue,
    IBackgroundJobClient jobs,
    IDbContextFactory<MonitorDbContext> database,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : IAlertListener
{
    // Alerts already reported as unrouted, so a re-firing alert of a team without a route says so once, not every time.
    private readonly ConcurrentDictionary<string, byte> _unrouted = new();

    public async Task OnAlertChangedAsync(AlertOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Alert is not { } alert)
        {
            return;
        }

        if (outcome.Events.Any(e => e.Kind is AlertEventKind.Acknowledged or AlertEventKind.Resolved))
        {
            await CancelEscalationsAsync(alert.Fingerprint.Id, cancellationToken);
        }

        if (outcome.Events.Any(e => e.Kind == AlertEventKind.Resolved))
        {
            await NotifyResolvedAsync(alert, cancellationToken);
        }

        if (outcome.Events.LastOrDefault(e => e.Kind == AlertEventKind.Notified) is { } notified)
        {
            await NotifyFiringAsync(alert, notified.At, cancellationToken);
        }
    }

    private async Task NotifyFiringAsync(Alert alert, DateTimeOffset notifiedAt, CancellationToken cancellationToken)
    {
        var current = await configuration.GetAsync(cancellationToken);
        var team = current.FindService(alert.Service)?.Team ?? "";
        var routes = current.Notifications.RoutesFor(team, alert.Severity);
        if (routes.Count == 0)
        {
            if (_unrouted.TryAdd(alert.Fingerprint.Id, 0))
            {
                LogNoRoute(alert.Fingerprint.Id, alert.Service, team, alert.Severity);
            }

            return;
        }

        // A re-fire is a new notification: its time tells it apart from the first one in the idempotency key.
        await queue.SendAsync(alert, NotificationState.Firing, Known(current.Notifications, routes.SelectMany(route => route.Channels)),
            notifiedAt.ToUnixTimeMilliseconds(), cancellationToken);
        await ScheduleEscalationsAsync(alert, current.Notifications, routes, cancellationToken);
    }

    // Once per occurrence: a re-fire of an occurrence whose escalation is scheduled (or done) does not start another.
    private async Task ScheduleEscalationsAsync(Alert alert, NotificationPlan plan, IReadOnlyList<NotificationRoute> routes, CancellationToken cancellationToken)
    {
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var escalations = context.Set<ScheduledEscalation>();
        var id = alert.Fingerprint.Id;
        if (await escalations.AnyAsync(e => e.AlertId == id && e.Occurrence == alert.Occurrence, cancellationToken))
        {
            return;
        }

        foreach (var route in routes)
        {
            if (route is not { EscalateAfter: { } after, EscalateTo: { Count: > 0 } to })
            {
                continue;
            }

            string[] channels = [.. Known(plan, to)];
            var occurrence = alert.Occurrence;
            var jobId = jobs.Schedule<EscalationJob>(job => job.EscalateAsync(id, occurrence, channels, CancellationToken.None), after);
            escalations.Add(new ScheduledEscalation { JobId = jobId, AlertId = id, Occurrence = occurrence, DueAt = time.GetUtcNow() + after });
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task CancelEscalationsAsync(string alertId, CancellationToken cancellationToken)
    {
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var escalations = context.Set<ScheduledEscalation>();
        var scheduled = await escalations.Where(e => e.AlertId == alertId).ToListAsync(cancellationToken);
        foreach (var escalation in scheduled)
        {
            // Deleting a job that already ran or was deleted is a no-op (false), which is fine here.
            jobs.Delete(escalation.JobId);
        }

        escalations.RemoveRange(scheduled);
        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task NotifyResolvedAsync(Alert alert, CancellationToken cancellationToken)
    {
        var id = alert.Fingerprint.Id;
        var resolved = NotificationState.Resolved.ToString().ToLowerInvariant();
        List<string> heard;
        await using (var context = await database.CreateDbContextAsync(cancellationToken))
        {
            heard = await context.Set<NotificationDeliveryRecord>()
                .Where(r => r.AlertId == id && r.Occurrence == alert.Occurrence && r.State != resolved)
                .Select(r => r.Channel)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        if (heard.Count > 0)
        {
            await queue.SendAsync(alert, NotificationState.Resolved, heard, sequence: 0, cancellationToken);
        }
    }

    private IEnumerable<string> Known(NotificationPlan plan, IEnumerable<string> channels)
    {
        foreach (var channel in channels)
        {
            if (plan.FindChannel(channel) is null)
            {
                LogUnknownChannel(channel);
                continue;
            }

            yield return channel;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} of service {Service} (team '{Team}', {Severity}) matches no notification route; nobody is notified")]
    private partial void LogNoRoute(string alertId, string service, string team, AlertSeverity severity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification route names channel '{Channel}', which is not among notifications.channels; skipped")]
    private partial void LogUnknownChannel(string channel);
}
