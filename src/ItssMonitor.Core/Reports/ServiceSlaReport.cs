using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Core.Reports;

/// <summary>One service's line of an SLA report: its figures over the range, how they compare with its SLA, and its 12-month trend.</summary>
public sealed record ServiceSlaReport(
    string Service,
    string Team,
    double? TargetPercent,
    double? AvailabilityPercent,
    double MeasuredSeconds,
    double DowntimeSeconds,
    double MaintenanceSeconds,
    double MissingDataSeconds,
    double? LatencyP95Ms,
    double? LatencyObjectiveMs,
    IncidentFigures Incidents,
    double? ErrorBudgetRemainingPercent,
    SlaOutcome Outcome,
    IReadOnlyList<ReportStretch> Outages,
    IReadOnlyList<ReportStretch> MaintenanceOccurrences,
    IReadOnlyList<ReportStretch> MissingData,
    IReadOnlyList<MonthlyAvailability> Trend)
{
    public static ServiceSlaReport From(
        ServiceDefinition service,
        ServiceAccounting accounting,
        IReadOnlyList<ReportStretch> maintenanceOccurrences,
        double? latencyP95Ms,
        IncidentFigures incidents,
        IReadOnlyList<MonthlyAvailability> trend)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(accounting);
        var availability = accounting.Availability;
        var target = service.Sla?.Availability / 100;
        var objective = service.Sla?.LatencyP95Ms;
        var outcome = (availability, target) switch
        {
            (null, _) => SlaOutcome.NoData,
            (_, null) => SlaOutcome.NoTarget,
            ({ } measured, { } goal) when measured >= goal && !(latencyP95Ms > objective) => SlaOutcome.Met,
            _ => SlaOutcome.Breached,
        };
        return new ServiceSlaReport(
            service.Name,
            service.Team,
            service.Sla?.Availability,
            availability * 100,
            accounting.Measured.TotalSeconds,
            accounting.Downtime.TotalSeconds,
            accounting.Maintenance.TotalSeconds,
            accounting.MissingData.TotalSeconds,
            latencyP95Ms,
            objective,
            incidents,
            BudgetRemainingPercent(availability, target),
            outcome,
            accounting.Outages,
            maintenanceOccurrences,
            accounting.MissingStretches,
            trend);
    }

    // The share left does not depend on the period; null for a 100 % target that failed (no budget: minus infinity).
    private static double? BudgetRemainingPercent(double? availability, double? target) =>
        availability is { } a && target is { } t && new ErrorBudget(t, ErrorBudget.DefaultPeriod).Remaining(a) is var remaining && double.IsFinite(remaining)
            ? remaining * 100
            : null;
}
