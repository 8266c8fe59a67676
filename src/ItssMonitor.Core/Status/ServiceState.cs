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

    Up,
}
