namespace ItssMonitor.Core.Sla;

/// <summary>How one objective of a service's SLA stands over a window.</summary>
public enum SlaVerdict
{
    /// <summary>The service has no such objective.</summary>
    NoObjective,

    /// <summary>There is an objective, but the window holds no samples to measure it with.</summary>
    NoData,

    Met,

    Breached,
}
