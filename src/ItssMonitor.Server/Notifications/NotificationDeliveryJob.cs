using ItssMonitor.Core.Monitoring;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Hangfire job: delivers one notification to one channel, at most once per idempotency key. A failure throws, so
/// Hangfire retries it after each of <c>Notifications:RetryDelays</c> (see <see cref="NotificationRetries"/>).
/// </summary>
public sealed partial class NotificationDeliveryJob(
    IMonitoringConfigurationSource configuration,
    IEnumerable<INotificationSender> senders,
    IDbContextFactory<MonitorDbContext> database,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDeliveryJob> logger)
{
    /// <param name="channelName">
    /// The channel by name, looked up when the job runs: its URL and secret stay out of Hangfire's storage and a
    /// corrected URL applies to retries.
    /// </param>
    /// <param name="notification">
    /// The whole snapshot rather than an alert id: a notification states what was true when it was decided, and a
    /// retry ten minutes later must say the same thing, not whatever the alert has become since.
    /// </param>
    public async Task DeliverAsync(string channelName, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var record = await context.Set<NotificationDeliveryRecord>().FindAsync([idempotencyKey], cancellationToken);
        if (record is null)
        {
            // Queued some other way than through NotificationQueue: recorded now, so it is still sent only once.
            record = NotificationQueue.Record(notification, channelName, idempotencyKey, time.GetUtcNow());
            context.Add(record);
        }
        else if (record.DeliveredAt is { } deliveredAt)
        {
            LogAlreadyDelivered(channelName, notification.AlertId, idempotencyKey, deliveredAt);
            return;
        }

        record.Attempts++;
        await context.SaveChangesAsync(cancellationToken);
        try
        {
            var channel = (await configuration.GetAsync(cancellationToken)).Notifications.FindChannel(channelName)
                ?? throw new NotificationDeliveryException($"Channel '{channelName}' is not in the monitoring file's notifications.channels.");
            var sender = senders.FirstOrDefault(candidate => candidate.Kind == channel.Kind)
                ?? throw new NotificationDeliveryException($"Channel '{channelName}': no sender for kind {channel.Kind}.");
            await sender.SendAsync(channel, notification, idempotencyKey, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (record.Attempts > options.Value.EffectiveRetryDelays.Count)
            {
                LogGaveUp(channelName, notification.AlertId, record.Attempts, exception.Message);
            }

            throw;
        }

        record.DeliveredAt = time.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
        LogDelivered(channelName, notification.AlertId, notification.StateName, record.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification of alert {AlertId} ({State}) delivered to channel {Channel} (attempt {Attempts})")]
    private partial void LogDelivered(string channel, string alertId, string state, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {IdempotencyKey} of alert {AlertId} was delivered to channel {Channel} at {DeliveredAt:u}; not sent again")]
    private partial void LogAlreadyDelivered(string channel, string alertId, string idempotencyKey, DateTimeOffset deliveredAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification of alert {AlertId} to channel {Channel} failed after {Attempts} attempts, giving up: {Reason}")]
    private partial void LogGaveUp(string channel, string alertId, int attempts, string reason);
}
