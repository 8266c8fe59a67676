namespace ItssMonitor.Storage.Relational;

/// <summary>
/// The latest SLA evaluation of one service (table <c>sla_status</c>), replaced on every tick of the
/// <c>sla-evaluation</c> job, for the SLA API and pages. Fractions are 0 to 1; null where nothing was measured.
/// </summary>
public sealed class SlaStatusRecord
{
    public required string Service { get; set; }

    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>The SLA's availability target in percent (99.9).</summary>
    public double TargetPercent { get; set; }

    public TimeSpan Period { get; set; }

    public double? BudgetConsumed { get; set; }

    public double? BudgetRemaining { get; set; }

    /// <summary>When the budget runs out at the current (1 h) burn; null when it is not burning.</summary>
    public TimeSpan? ExhaustedIn { get; set; }

    public double? LatencyP95Ms { get; set; }

    public double? LatencyObjectiveMs { get; set; }

    /// <summary>The alert rules firing for the service, space-separated (<c>burn-rate/page-1h latency-p95</c>).</summary>
    public string Firing { get; set; } = "";

    /// <summary>Availability and burn rate per window as JSON: one table row per service keeps the tick's upsert cheap.</summary>
    public string WindowsJson { get; set; } = "[]";
}
