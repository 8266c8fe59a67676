namespace ItssMonitor.Core.Status;

/// <summary>The state of a service, rolled up from its checks; declared worst first, so ordering by it puts trouble on top.</summary>
public enum ServiceState
{
    /// <summary>Every check is down.</summary>
    Down,

    /// <summary>Some checks are down, or the service is slower than its latency objective.</summary>
    Degraded,

    /// <summary>No check is down, but some have stopped reporting: nobody can tell.</summary>
    Stale,

    /// <summary>No check has confirmed anything yet.</summary>
    Unknown,

    /// <summary>
    /// A maintenance window is open for the service: whatever its checks say is planned, so it shows this rather
    /// than down, below every unplanned state (nobody need act) and above up (still worth seeing).
    /// </summary>
    Maintenance,

    Up,
}
