using System.Globalization;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Pages.Reports;

/// <summary>
/// What <c>/reports</c> shows, written as the query string that both the page's address and the export API
/// (<c>GET /api/v1/reports/sla</c>) take: one way of writing it, so a shared link, the page and a download agree.
/// </summary>
public sealed record ReportSelection(string? Month, string? From, string? To, IReadOnlyList<string> Services)
{
    /// <summary>The query string, without '?': <c>month=2026-10&amp;services=A,B</c> (each value escaped; the commas separate names).</summary>
    public string Query
    {
        get
        {
            var parts = new List<string>();
            Add(parts, "month", Month);
            Add(parts, "from", From);
            Add(parts, "to", To);
            Add(parts, "services", Services.Count == 0 ? null : string.Join(',', Services.Select(Uri.EscapeDataString)), escaped: true);
            return string.Join('&', parts);
        }
    }

    /// <summary>The page's own address, relative to the base.</summary>
    public string PageAddress => Query is { Length: > 0 } query ? "reports?" + query : "reports";

    /// <summary>
    /// The export of exactly this report: a default selection (last month) is pinned to the month the page shows,
    /// so a download made after midnight on the 1st is still the report on the screen.
    /// </summary>
    public string ExportAddress(TimeWindow shown, string format)
    {
        var pinned = Month is null && From is null && To is null ? this with { Month = MonthOf(shown.From) } : this;
        return $"api/v1/reports/sla?{pinned.Query}&format={format}";
    }

    public ReportSelection ForMonth(string month) => this with { Month = month, From = null, To = null };

    public ReportSelection ForRange(string? from, string? to) => this with { Month = null, From = NullIfEmpty(from), To = NullIfEmpty(to) };

    public ReportSelection ForServices(IEnumerable<string> services) => this with { Services = [.. services] };

    /// <summary>The month a time falls in (UTC), as the month parameter writes it.</summary>
    public static string MonthOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, string name, string? value, bool escaped = false)
    {
        if (value is not null)
        {
            parts.Add(name + "=" + (escaped ? value : Uri.EscapeDataString(value)));
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
