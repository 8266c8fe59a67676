using System.Text;
using ItssMonitor.Core.Reports;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// The report as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or line breaks quoted): the header
/// on the first row and one row per service, so a spreadsheet opens it as a table to sort and filter; then an empty
/// row and the method, one quoted cell per line starting with "#", below the table where it does not get in the way.
/// </summary>
public static class SlaReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "service", "team", "from_utc", "to_utc", "target_percent", "availability_percent", "measured_seconds", "downtime_seconds", "downtime",
        "maintenance_seconds", "missing_data_seconds", "latency_p95_ms", "latency_objective_ms", "incidents", "mtta_seconds",
        "mttr_seconds", "error_budget_left_percent", "outcome",
    ];

    public static string Write(SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var service in report.Services)
        {
            Row(csv,
            [
                service.Service, service.Team, Time(report.From), Time(report.To), ReportFormat.Number(service.TargetPercent),
                ReportFormat.Percent(service.AvailabilityPercent), ReportFormat.Seconds(service.MeasuredSeconds), ReportFormat.Seconds(service.DowntimeSeconds),
                ReportFormat.MinutesAndSeconds(service.DowntimeSeconds), ReportFormat.Seconds(service.MaintenanceSeconds), ReportFormat.Seconds(service.MissingDataSeconds),
                ReportFormat.Number(service.LatencyP95Ms), ReportFormat.Number(service.LatencyObjectiveMs), service.Incidents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportFormat.Number(service.Incidents.MttaSeconds), ReportFormat.Number(service.Incidents.MttrSeconds), ReportFormat.Percent(service.ErrorBudgetRemainingPercent),
                service.Outcome.ToString(),
            ]);
        }

        csv.Append("\r\n");
        Row(csv, [$"# SLA report {ReportFormat.Time(report.From)} to {ReportFormat.Time(report.To)}, generated {ReportFormat.Time(report.GeneratedAt)}"]);
        foreach (var line in report.Method)
        {
            Row(csv, ["# " + line]);
        }

        return csv.ToString();
    }

    // Without "UTC" after it (the header says so), so spreadsheets recognise the date and time.
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
