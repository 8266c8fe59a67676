namespace ItssMonitor.Core.Reports;

/// <summary>
/// Where one service's time in a report's range went: maintenance, missing data, downtime, and the rest up.
/// Availability is 1 − downtime / measured, measured being the range without maintenance and missing data.
/// </summary>
public sealed record ServiceAccounting(
    TimeSpan Range,
    TimeSpan Maintenance,
    TimeSpan MissingData,
    TimeSpan Downtime,
    IReadOnlyList<ReportStretch> Outages,
    IReadOnlyList<ReportStretch> MissingStretches)
{
    public TimeSpan Measured => Range - Maintenance - MissingData;

    /// <summary>Null when nothing was measured (the whole range was maintenance or missing data).</summary>
    public double? Availability => Measured > TimeSpan.Zero ? 1 - (Downtime / Measured) : null;

    /// <summary>Two accountings of adjacent parts of one range added up (raw samples and, past retention, rollups).</summary>
    public static ServiceAccounting operator +(ServiceAccounting first, ServiceAccounting second) => new(
        first.Range + second.Range,
        first.Maintenance + second.Maintenance,
        first.MissingData + second.MissingData,
        first.Downtime + second.Downtime,
        [.. first.Outages, .. second.Outages],
        [.. first.MissingStretches, .. second.MissingStretches]);
}
