namespace ItssMonitor.Server.Notifications;

/// <summary>
/// A channel's far end did not take a notification. The message names the channel and what the far end said;
/// it never holds a URL's path or query (Slack and Teams put their secret there) nor a channel secret.
/// </summary>
public sealed class NotificationDeliveryException(string message) : Exception(message);
