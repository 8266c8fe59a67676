namespace ItssMonitor.Core.Alerting;

/// <summary>Where an alert's current occurrence stands.</summary>
public enum AlertState
{
    /// <summary>The problem is there and nobody has said they have it.</summary>
    Firing,

    /// <summary>The problem is there and someone has it: no more re-notifications.</summary>
    Acknowledged,

    /// <summary>The problem is gone; firing again opens a new occurrence.</summary>
    Resolved,
}
