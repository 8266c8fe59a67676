namespace ItssMonitor.Server.Notifications;

/// <summary>What a notification says about its alert: it fired (or fired again), nobody took it in time, or it is over.</summary>
public enum NotificationState
{
    Firing,

    /// <summary>Sent to a route's <c>escalateTo</c> channels because nobody acknowledged within <c>escalateAfter</c>.</summary>
    Escalated,

    Resolved,
}
