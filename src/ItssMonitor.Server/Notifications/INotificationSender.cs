using ItssMonitor.Core.Notifications;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Delivers a notification through one kind of channel. Throws when the far end did not take it (the delivery
/// job's retries handle that); the message of what it throws never holds a secret or a URL's query string.
/// </summary>
public interface INotificationSender
{
    NotificationChannelKind Kind { get; }

    /// <param name="idempotencyKey">The same on every attempt of one notification, so a receiver can drop repeats.</param>
    Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken);
}
