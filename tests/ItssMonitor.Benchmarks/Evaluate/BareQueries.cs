using System.Text;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Benchmarks.Evaluate;

/// <summary>
/// The baseline: the InfluxQL statements one sla-evaluation tick needs (newest rollup hour; per window the counts
/// by service from raw samples and rollups; p95 by service over the last hour), written out by hand and sent
/// straight to <c>/query</c> with the same concurrency, answers read to the end: InfluxDB's floor for the tick.
/// </summary>
internal sealed class BareQueries(HttpClient http, Uri influx, string database)
{
    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newest = HourlyRollup.HourOf(now) - HourlyRollup.Length;
        await QueryAsync("SELECT last(\"count\") FROM \"check_rollup_1h\"", cancellationToken);
        var statements = new List<string>();
        foreach (var length in SlaEvaluation.WindowsFor(BurnRatePolicy.Default, ErrorBudget.DefaultPeriod))
        {
            var sources = WindowSources.For(new TimeWindow(now - length, now), newest);
            statements.AddRange(sources.Raw.Select(raw => $"SELECT count(\"up\") AS \"count\", sum(\"up\") AS \"up\" FROM \"check_result\" WHERE {Range(raw)} GROUP BY \"service\""));
            if (sources.Rollups is { } rollups)
            {
                statements.Add($"SELECT sum(\"count\") AS \"count\", sum(\"up_count\") AS \"up\" FROM \"check_rollup_1h\" WHERE {Range(rollups)} GROUP BY \"service\"");
            }
        }

        await Task.WhenAll(statements.Select(statement => QueryAsync(statement, cancellationToken)));
        await QueryAsync($"SELECT percentile(\"latency_ms\", 95) AS \"p95\" FROM \"check_result\" WHERE {Range(new TimeWindow(now.AddHours(-1), now))} GROUP BY \"service\"", cancellationToken);
    }

    private async Task QueryAsync(string statement, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(influx, $"query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(statement)}"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"InfluxDB refused {statement}: {body}");
        }
    }

    private static string Range(TimeWindow window) => new StringBuilder()
        .Append("time >= '").Append(window.From.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture))
        .Append("' AND time < '").Append(window.To.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture))
        .Append('\'').ToString();
}
