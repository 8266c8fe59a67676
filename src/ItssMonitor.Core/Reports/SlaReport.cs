namespace ItssMonitor.Core.Reports;

/// <summary>
/// An SLA report over [<see cref="From"/>, <see cref="To"/>): the executive summary, one line per service, the
/// overall 12-month trend, and the accounting method it was computed with (printed on every rendering).
/// </summary>
/// <param name="SampleBasedBefore">
/// Set when the range reaches past raw retention: the hours before it are accounted from hourly rollups (sample-based).
/// </param>
public sealed record SlaReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    ExecutiveSummary Summary,
    IReadOnlyList<ServiceSlaReport> Services,
    IReadOnlyList<MonthlyAvailability> OverallTrend,
    DateTimeOffset? SampleBasedBefore,
    IReadOnlyList<string> Method);
