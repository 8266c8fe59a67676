namespace ItssMonitor.Core.Reports;

/// <summary>How a service did against its SLA over a report's range.</summary>
public enum SlaOutcome
{
    /// <summary>Availability at or above the target, and p95 latency within its objective when one is set.</summary>
    Met,

    /// <summary>Availability below the target, or p95 latency above its objective.</summary>
    Breached,

    /// <summary>The service declares no SLA: figures are reported, nothing is judged.</summary>
    NoTarget,

    /// <summary>Nothing was measured (the whole range was maintenance or missing data).</summary>
    NoData,
}
