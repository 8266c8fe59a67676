namespace ItssMonitor.Core.Reports;

/// <summary>One month of a trend: sample-based availability from the hourly rollups (null when the month has none).</summary>
public sealed record MonthlyAvailability(string Month, double? AvailabilityPercent);
