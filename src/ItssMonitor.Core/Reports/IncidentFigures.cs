namespace ItssMonitor.Core.Reports;

/// <summary>A service's incidents opened in a report's range, with MTTA and MTTR in seconds (null when none got that far).</summary>
public sealed record IncidentFigures(int Count, double? MttaSeconds, double? MttrSeconds)
{
    public static IncidentFigures None { get; } = new(0, null, null);
}
