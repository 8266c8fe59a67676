namespace ItssMonitor.Core.Monitoring;

/// <summary>A monitored service: the unit the wall shows and SLAs are kept for.</summary>
public sealed record ServiceDefinition(
    string Name,
    string Team,
    IReadOnlyList<string> Tags,
    IReadOnlyList<CheckDefinition> Checks,
    ServiceSla? Sla = null);
