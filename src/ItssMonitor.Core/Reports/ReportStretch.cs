namespace ItssMonitor.Core.Reports;

/// <summary>A stretch of time named on a report (an outage, missing data, a maintenance occurrence), with its length in seconds.</summary>
public sealed record ReportStretch(DateTimeOffset From, DateTimeOffset To, string? Name = null)
{
    public double Seconds => (To - From).TotalSeconds;
}
