using System.Globalization;
using System.Text.RegularExpressions;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>
/// Replaces what Grafana replaces in an InfluxQL query before it sends it: <c>$timeFilter</c>, <c>$__interval</c>
/// (and the older <c>$interval</c>), <c>$__interval_ms</c>, and template variables in the <c>$name</c>,
/// <c>${name}</c> and <c>[[name]]</c> forms, formatted as Grafana's InfluxDB datasource formats them.
/// </summary>
internal static partial class GrafanaInterpolation
{
    /// <summary>Interpolates <paramref name="query"/>; a <c>$name</c> that is neither a macro nor in <paramref name="variables"/> is an error, as it would reach InfluxDB unreplaced.</summary>
    public static string Interpolate(string query, GrafanaRange range, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(query, match =>
        {
            var name = match.Groups.Cast<Group>().Skip(1).First(group => group.Success).Value;
            return name switch
            {
                // An absolute range, as Grafana writes it for InfluxQL: epoch milliseconds, both ends inclusive.
                "timeFilter" => $"time >= {range.From.ToUnixTimeMilliseconds()}ms and time <= {range.To.ToUnixTimeMilliseconds()}ms",
                "__interval" or "interval" => Duration(range.Interval),
                "__interval_ms" => ((long)range.Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                _ => variables.TryGetValue(name, out var value)
                    ? value
                    : throw new InvalidOperationException($"${name} is neither a Grafana macro nor a variable of the dashboard, in: {query}"),
            };
        });

    /// <summary>
    /// A variable's selected values as Grafana's InfluxDB datasource writes them: a single-value variable as it is;
    /// a multi-value or All variable regex-escaped, several values as <c>(a|b)</c>, All as its custom all value when it has one.
    /// </summary>
    public static string Format(TemplateVariable variable, IReadOnlyList<string> selected, bool all)
    {
        if (all && variable.AllValue is not null)
        {
            return variable.AllValue;
        }

        if (!variable.Multi && !variable.IncludeAll)
        {
            return selected.Count == 1 ? selected[0] : throw new InvalidOperationException($"Variable '{variable.Name}' takes one value, not {selected.Count}.");
        }

        var escaped = selected.Select(value => RegexSpecial().Replace(value, @"\$0")).ToList();
        return escaped.Count == 1 ? escaped[0] : "(" + string.Join('|', escaped) + ")";
    }

    private static string Duration(TimeSpan interval) => interval switch
    {
        _ when interval.Ticks % TimeSpan.TicksPerDay == 0 => $"{interval.TotalDays:0}d",
        _ when interval.Ticks % TimeSpan.TicksPerHour == 0 => $"{interval.TotalHours:0}h",
        _ when interval.Ticks % TimeSpan.TicksPerMinute == 0 => $"{interval.TotalMinutes:0}m",
        _ when interval.Ticks % TimeSpan.TicksPerSecond == 0 => $"{interval.TotalSeconds:0}s",
        _ => $"{interval.TotalMilliseconds:0}ms",
    };

    [GeneratedRegex(@"\$\{(\w+)\}|\[\[(\w+)\]\]|\$(\w+)")]
    private static partial Regex Reference();

    // Grafana's escapeRegex: every character with a meaning in a regex, and '/', which ends an InfluxQL regex literal.
    [GeneratedRegex(@"[\\^$*+?.()|\[\]{}/]")]
    private static partial Regex RegexSpecial();
}
