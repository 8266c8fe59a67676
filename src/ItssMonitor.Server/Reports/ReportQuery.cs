using System.Globalization;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// A report's range and services as the API and the page take them: <c>month=2026-10</c>, or <c>from</c> and
/// <c>to</c> (ISO 8601 dates or times, UTC unless an offset is given), or nothing for last month; <c>services</c>
/// comma-separated, none for all.
/// </summary>
public sealed record ReportQuery(TimeWindow Range, IReadOnlyList<string> Services)
{
    private static readonly string[] Times = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <exception cref="ReportRequestException">A parameter is malformed; the message names it and the expected form.</exception>
    public static ReportQuery Parse(string? month, string? from, string? to, string? services, DateTimeOffset now)
    {
        var names = (services ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (month is not null && (from is not null || to is not null))
        {
            throw new ReportRequestException("month", "Give either 'month' or 'from' and 'to', not both.");
        }

        if (from is null && to is null)
        {
            return new ReportQuery(Month(month, now), names);
        }

        var start = Time("from", from);
        var end = Time("to", to);
        if (end <= start)
        {
            throw new ReportRequestException("to", $"'to' ({end:O}) must be after 'from' ({start:O}).");
        }

        return new ReportQuery(new TimeWindow(start, end), names);
    }

    /// <summary>The calendar month (UTC) before the one <paramref name="now"/> is in: what the monthly mail reports.</summary>
    public static TimeWindow LastMonth(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var thisMonth = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new TimeWindow(thisMonth.AddMonths(-1), thisMonth);
    }

    private static TimeWindow Month(string? month, DateTimeOffset now)
    {
        if (month is null)
        {
            return LastMonth(now);
        }

        if (!DateTimeOffset.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            throw new ReportRequestException("month", $"'month' is '{month}'; expected a month as yyyy-MM, e.g. 2026-10.");
        }

        return new TimeWindow(start, start.AddMonths(1));
    }

    private static DateTimeOffset Time(string parameter, string? value)
    {
        if (value is null)
        {
            throw new ReportRequestException(parameter, $"'{parameter}' is missing; give both 'from' and 'to' (or 'month').");
        }

        if (!DateTimeOffset.TryParseExact(value, Times, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new ReportRequestException(parameter, $"'{parameter}' is '{value}', which is not a time; expected ISO 8601, e.g. 2026-10-01 or 2026-10-01T00:00:00Z (a '+' in a URL must be written %2B).");
        }

        return time;
    }
}
