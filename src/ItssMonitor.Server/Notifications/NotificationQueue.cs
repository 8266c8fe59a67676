using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Turns "tell these channels about this alert" into one <see cref="NotificationDeliveryJob"/> per channel, each
/// with an idempotency key and a <see cref="NotificationDeliveryRecord"/>. A key that is already recorded is not
/// queued again, so the engine telling about the same change twice still sends one notification.
/// </summary>
public sealed class NotificationQueue(
    IMonitoringConfigurationSource configuration,
    IBackgroundJobClient jobs,
    IDbContextFactory<MonitorDbContext> database,
    IOptions<NotificationOptions> options,
    TimeProvider time)
{
    /// <param name="sequence">Tells apart notifications of the same state within one occurrence (a re-fire); 0 when there is one.</param>
    public async Task SendAsync(Alert alert, NotificationState state, IEnumerable<string> channels, long sequence, CancellationToken cancellationToken)
    {
        var team = (await configuration.GetAsync(cancellationToken)).FindService(alert.Service)?.Team ?? "";
        var notification = AlertNotification.From(alert, team, state, options.Value.PublicUrl);
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var records = context.Set<NotificationDeliveryRecord>();
        var keys = channels.Distinct(StringComparer.Ordinal).ToDictionary(channel => channel, channel => IdempotencyKey(notification, sequence, channel));
        string[] wanted = [.. keys.Values];
        // One query for every channel's key: those already recorded were queued before and are not queued again.
        var recorded = await records.Where(record => wanted.Contains(record.IdempotencyKey)).Select(record => record.IdempotencyKey).ToListAsync(cancellationToken);
        var queued = new List<NotificationDeliveryRecord>();
        foreach (var (channel, key) in keys.Where(pair => !recorded.Contains(pair.Value)))
        {
            var record = Record(notification, channel, key, time.GetUtcNow());
            records.Add(record);
            queued.Add(record);
        }

        // Recorded before queueing: a job that runs at once must find its record.
        await context.SaveChangesAsync(cancellationToken);
        foreach (var (channel, key) in queued.Select(record => (record.Channel, record.IdempotencyKey)))
        {
            jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(channel, notification, key, CancellationToken.None));
        }
    }

    /// <summary>A new, not yet attempted delivery of <paramref name="notification"/> to <paramref name="channel"/>.</summary>
    internal static NotificationDeliveryRecord Record(AlertNotification notification, string channel, string idempotencyKey, DateTimeOffset queuedAt) => new()
    {
        IdempotencyKey = idempotencyKey,
        Channel = channel,
        AlertId = notification.AlertId,
        Occurrence = notification.Occurrence,
        State = notification.StateName,
        QueuedAt = queuedAt,
    };

    /// <summary>
    /// Stable over retries, restarts and nodes: the same alert, occurrence, state, sequence and channel give the
    /// same key, and any other notification a different one (32 hex digits of a SHA-256).
    /// </summary>
    public static string IdempotencyKey(AlertNotification notification, long sequence, string channel)
    {
        var parts = string.Join('\n', notification.AlertId, notification.Occurrence.ToString(CultureInfo.InvariantCulture),
            notification.StateName, sequence.ToString(CultureInfo.InvariantCulture), channel);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)), 0, 16);
    }
}
