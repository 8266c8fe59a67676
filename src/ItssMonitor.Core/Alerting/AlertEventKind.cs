namespace ItssMonitor.Core.Alerting;

/// <summary>What happened to an alert, as a line in its incident's timeline.</summary>
public enum AlertEventKind
{
    /// <summary>A new occurrence started firing.</summary>
    Opened,

    /// <summary>The book decided a notification goes out now (delivery and its retries are the channel's record).</summary>
    Notified,

    /// <summary>Still firing and unacknowledged after the re-fire interval: notified again.</summary>
    Refired,

    Acknowledged,

    Resolved,

    /// <summary>It resolved and fired again too often: held, notifying at most once per damping period.</summary>
    Flapping,

    /// <summary>It has been steady long enough to notify normally again.</summary>
    FlappingStopped,
}
