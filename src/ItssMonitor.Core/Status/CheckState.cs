namespace ItssMonitor.Core.Status;

/// <summary>The confirmed state of a check.</summary>
public enum CheckState
{
    /// <summary>No sample yet, or failures not yet confirmed since the start.</summary>
    Unknown,

    Up,

    /// <summary>Failed <c>failuresBeforeDown</c> times in a row.</summary>
    Down,

    /// <summary>No sample within its expected time: a push check past its interval, a probed check past twice its interval.</summary>
    Stale,
}
