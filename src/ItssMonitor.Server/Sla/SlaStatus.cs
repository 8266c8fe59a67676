namespace ItssMonitor.Server.Sla;

/// <summary>
/// A service's latest SLA evaluation as <c>GET /api/v1/sla</c> shows it: windows, error budget consumed and
/// remaining (percent of the budget), the forecast at the current (1 h) burn, and p95 latency against its objective.
/// </summary>
public sealed record SlaStatus(
    string Service,
    DateTimeOffset EvaluatedAt,
    double TargetPercent,
    string Period,
    IReadOnlyList<SlaWindowStatus> Windows,
    double? BudgetConsumedPercent,
    double? BudgetRemainingPercent,
    double? ExhaustedInHours,
    double? LatencyP95Ms,
    double? LatencyObjectiveMs,
    IReadOnlyList<string> Firing);
