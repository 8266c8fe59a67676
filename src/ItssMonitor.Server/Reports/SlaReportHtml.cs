using System.Globalization;
using System.Net;
using System.Text;
using ItssMonitor.Core.Reports;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// The report as a print-friendly HTML page (A4, no scripts, inline SVG trend bars), which Chromium prints to
/// the PDF: title, range, generation time, executive summary, per-service table and details, trends, method.
/// </summary>
public static class SlaReportHtml
{
    private const int ListedStretches = 20;

    private const string Style = """
        body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
        h1 { font-size: 17pt; margin: 0 0 4px; } h2 { font-size: 12.5pt; margin: 18px 0 6px; border-bottom: 1px solid #999; }
        h3 { font-size: 10.5pt; margin: 10px 0 4px; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: right; }
        th { background: #eee; font-size: 8.5pt; } td:first-child, th:first-child { text-align: left; }
        .met { color: #11652b; font-weight: bold; } .breached { color: #a11; font-weight: bold; }
        .meta { color: #444; } ul { margin: 2px 0 6px 18px; padding: 0; } .method li { margin-bottom: 3px; }
        .service { break-inside: avoid; } .trend { display: inline-block; margin: 0 14px 8px 0; vertical-align: top; }
        """;

    public static string Write(SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SLA report</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>SLA report ").Append(E(ReportFormat.Time(report.From))).Append(" to ").Append(E(ReportFormat.Time(report.To))).Append("</h1>");
        html.Append("<p class=\"meta\">Range [from, to) in UTC. Generated ").Append(E(ReportFormat.Time(report.GeneratedAt))).Append(" by ItssMonitor.");
        if (report.SampleBasedBefore is { } cutoff)
        {
            html.Append(" Before ").Append(E(ReportFormat.Time(cutoff))).Append(" the figures are sample-based (hourly rollups; raw samples are past retention).");
        }

        html.Append("</p>");
        Summary(html, report);
        Table(html, report.Services);
        html.Append("<h2>12-month availability trend (sample-based, hourly rollups)</h2>");
        Trend(html, "All services", report.OverallTrend);
        foreach (var service in report.Services)
        {
            Trend(html, service.Service, service.Trend);
        }

        foreach (var service in report.Services)
        {
            Details(html, service);
        }

        html.Append("<h2>Accounting method</h2><ol class=\"method\">");
        foreach (var line in report.Method)
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        return html.Append("</ol></body></html>").ToString();
    }

    private static void Summary(StringBuilder html, SlaReport report)
    {
        var summary = report.Summary;
        var worst = summary.WorstServices.Select(name => $"{name} ({Percent(report.Services.First(service => service.Service == name).AvailabilityPercent)})").ToList();
        html.Append("<h2>Executive summary</h2><ul>")
            .Append("<li>Services: ").Append(summary.Services).Append(". Met their SLA: ").Append(summary.Met).Append(". Breached: ").Append(summary.Breached)
            .Append(". Without target or data: ").Append(summary.WithoutTargetOrData).Append(".</li>")
            .Append("<li>Overall availability: ").Append(E(Percent(summary.OverallAvailabilityPercent))).Append("</li>")
            .Append("<li>Worst services: ").Append(E(worst.Count == 0 ? "none below 100 %" : string.Join(", ", worst))).Append("</li>")
            .Append("<li>Incidents opened: ").Append(summary.Incidents.Count)
            .Append(". MTTA: ").Append(E(ReportFormat.MinutesAndSeconds(summary.Incidents.MttaSeconds)))
            .Append(". MTTR: ").Append(E(ReportFormat.MinutesAndSeconds(summary.Incidents.MttrSeconds))).Append(".</li></ul>");
    }

    private static void Table(StringBuilder html, IReadOnlyList<ServiceSlaReport> services)
    {
        html.Append("<h2>Services</h2><table><tr><th>Service</th><th>Target</th><th>Availability</th><th>Downtime</th><th>Maintenance</th><th>Missing data</th>")
            .Append("<th>p95 / objective</th><th>Incidents</th><th>MTTA</th><th>MTTR</th><th>Budget left</th><th>SLA</th></tr>");
        foreach (var s in services)
        {
            html.Append("<tr><td>").Append(E(s.Service)).Append("</td><td>").Append(E(Percent(s.TargetPercent))).Append("</td><td>").Append(E(Percent(s.AvailabilityPercent)))
                .Append("</td><td>").Append(E(ReportFormat.MinutesAndSeconds(s.DowntimeSeconds))).Append("</td><td>").Append(E(ReportFormat.MinutesAndSeconds(s.MaintenanceSeconds)))
                .Append("</td><td>").Append(E(ReportFormat.MinutesAndSeconds(s.MissingDataSeconds))).Append("</td><td>")
                .Append(E(s.LatencyP95Ms is null ? "–" : $"{ReportFormat.Number(s.LatencyP95Ms)} ms")).Append(E(s.LatencyObjectiveMs is null ? "" : $" / {ReportFormat.Number(s.LatencyObjectiveMs)} ms"))
                .Append("</td><td>").Append(s.Incidents.Count).Append("</td><td>").Append(E(ReportFormat.MinutesAndSeconds(s.Incidents.MttaSeconds)))
                .Append("</td><td>").Append(E(ReportFormat.MinutesAndSeconds(s.Incidents.MttrSeconds))).Append("</td><td>").Append(E(Percent(s.ErrorBudgetRemainingPercent)))
                .Append("</td><td class=\"").Append(s.Outcome.ToString().ToLowerInvariant()).Append("\">").Append(E(OutcomeText(s.Outcome))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Details(StringBuilder html, ServiceSlaReport service)
    {
        html.Append("<div class=\"service\"><h3>").Append(E(service.Service)).Append(" (team ").Append(E(service.Team)).Append(")</h3>")
            .Append("<p>Measured ").Append(E(ReportFormat.Seconds(service.MeasuredSeconds))).Append(" s, down ").Append(E(ReportFormat.Seconds(service.DowntimeSeconds)))
            .Append(" s, maintenance ").Append(E(ReportFormat.Seconds(service.MaintenanceSeconds))).Append(" s, missing data ").Append(E(ReportFormat.Seconds(service.MissingDataSeconds))).Append(" s.</p>");
        Stretches(html, "Outages", service.Outages);
        Stretches(html, "Maintenance (excluded)", service.MaintenanceOccurrences);
        Stretches(html, "Missing data", service.MissingData);
        html.Append("</div>");
    }

    /// <summary>The first <see cref="ListedStretches"/> stretches: a window every half hour is 1,440 a month, which the JSON export lists in full.</summary>
    private static void Stretches(StringBuilder html, string title, IReadOnlyList<ReportStretch> stretches)
    {
        html.Append("<b>").Append(E(title)).Append(":</b> ");
        if (stretches.Count == 0)
        {
            html.Append("none<br>");
            return;
        }

        html.Append(stretches.Count).Append(", ").Append(E(ReportFormat.MinutesAndSeconds(stretches.Sum(stretch => stretch.Seconds)))).Append(" in all<ul>");
        foreach (var stretch in stretches.Take(ListedStretches))
        {
            html.Append("<li>").Append(E(ReportFormat.Time(stretch.From))).Append(" to ").Append(E(ReportFormat.Time(stretch.To))).Append(" (")
                .Append(E(ReportFormat.MinutesAndSeconds(stretch.Seconds))).Append(stretch.Name is { } name ? $", {E(name)}" : "").Append(")</li>");
        }

        if (stretches.Count > ListedStretches)
        {
            html.Append("<li>… and ").Append(stretches.Count - ListedStretches).Append(" more, every one listed in the JSON export</li>");
        }

        html.Append("</ul>");
    }

    /// <summary>Twelve bars from the lowest availability shown (90 %) to 100 %; a month without data has no bar.</summary>
    private static void Trend(StringBuilder html, string title, IReadOnlyList<MonthlyAvailability> months)
    {
        const double floor = 90, width = 20, height = 60;
        html.Append("<div class=\"trend\"><div><b>").Append(E(title)).Append("</b></div>")
            .Append(CultureInfo.InvariantCulture, $"<svg width=\"{(months.Count * width) + 30}\" height=\"{height + 26}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"7\">")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"28\" y1=\"{height}\" x2=\"{(months.Count * width) + 30}\" y2=\"{height}\" stroke=\"#888\"/>")
            .Append("<text x=\"0\" y=\"8\">100%</text>").Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{height}\">90%</text>");
        if (months.All(month => month.AvailabilityPercent is null))
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"40\" y=\"{height / 2}\" font-size=\"9\" fill=\"#666\">no hourly rollups in these months</text>");
        }

        for (var i = 0; i < months.Count; i++)
        {
            var x = 30 + (i * width);
            if (months[i].AvailabilityPercent is { } percent)
            {
                var bar = Math.Max(1, (Math.Clamp(percent, floor, 100) - floor) / (100 - floor) * (height - 4));
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 2}\" y=\"{height - bar:0.##}\" width=\"{width - 4}\" height=\"{bar:0.##}\" fill=\"{(percent >= 99.9 ? "#2e7d32" : percent >= 99 ? "#f9a825" : "#c62828")}\"><title>{E(months[i].Month)}: {E(Percent(percent))}</title></rect>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 2}\" y=\"{height + 10}\">{E(months[i].Month[5..])}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"30\" y=\"{height + 22}\">{E(months[0].Month)} to {E(months[^1].Month)}</text></svg></div>");
    }

    private static string Percent(double? percent) => percent is null ? "–" : ReportFormat.Percent(percent) + " %";

    private static string OutcomeText(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "met",
        SlaOutcome.Breached => "breached",
        SlaOutcome.NoTarget => "no target",
        _ => "no data",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
