namespace ItssMonitor.Core.Reports;

/// <summary>
/// The report's first lines: how many services met or breached their SLA, the overall availability (all
/// services' downtime over all their measured time), the worst services, and the incidents of all services with
/// their MTTA and MTTR.
/// </summary>
public sealed record ExecutiveSummary(
    int Services,
    int Met,
    int Breached,
    int WithoutTargetOrData,
    double? OverallAvailabilityPercent,
    IReadOnlyList<string> WorstServices,
    IncidentFigures Incidents)
{
    /// <summary>How many services the summary names as worst.</summary>
    public const int WorstCount = 3;

    public static ExecutiveSummary From(IReadOnlyList<ServiceSlaReport> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var measured = services.Sum(service => service.MeasuredSeconds);
        var worst = services.Where(service => service.AvailabilityPercent < 100)
            .OrderBy(service => service.AvailabilityPercent)
            .ThenBy(service => service.Service, StringComparer.Ordinal)
            .Take(WorstCount)
            .Select(service => service.Service)
            .ToList();
        var met = services.Count(service => service.Outcome == SlaOutcome.Met);
        var breached = services.Count(service => service.Outcome == SlaOutcome.Breached);
        return new ExecutiveSummary(
            services.Count,
            met,
            breached,
            services.Count - met - breached,
            measured > 0 ? 100 * (1 - (services.Sum(service => service.DowntimeSeconds) / measured)) : null,
            worst,
            IncidentFigures.Combine(services.Select(service => service.Incidents)));
    }
}
