using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Storage.Influx;

/// <summary>The estate-wide reads of the evaluation jobs: one InfluxQL statement per window for every service at once.</summary>
public sealed partial class InfluxSampleStore
{
    public async Task<IReadOnlyDictionary<string, WindowCounts>> CountByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ByService(
            await QueryAsync($"SELECT count(\"up\") AS \"count\", sum(\"up\") AS \"up\" FROM {CheckResult} WHERE {TimeRange(window)} GROUP BY \"service\"", cancellationToken),
            ReadCounts);

    public async Task<IReadOnlyDictionary<string, WindowCounts>> CountRollupsByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ByService(
            await QueryAsync($"SELECT sum(\"count\") AS \"count\", sum(\"up_count\") AS \"up\" FROM {CheckRollup} WHERE {TimeRange(window)} GROUP BY \"service\"", cancellationToken),
            ReadCounts);

    public async Task<IReadOnlyDictionary<string, double>> GetLatencyP95ByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ByService(
            await QueryAsync($"SELECT percentile(\"latency_ms\", 95) AS \"p95\" FROM {CheckResult} WHERE {TimeRange(window)} GROUP BY \"service\"", cancellationToken),
            row => row.Value("p95")?.GetDouble());

    public async Task<IReadOnlyList<SecuritySample>> GetLatestSecuritySamplesAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        // GROUP BY * with ORDER BY time DESC LIMIT 1 gives the newest point of every series in one answer.
        var rows = await QueryAsync($"SELECT * FROM {SecurityEvent} WHERE {TimeRange(window)} GROUP BY * ORDER BY time DESC LIMIT 1", cancellationToken);
        return rows.Select(ReadSecuritySample).ToList();
    }

    public async Task<IReadOnlyDictionary<string, long>> SumAuthFailuresByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ByService(
            await QueryAsync($"SELECT sum(\"auth_failures\") AS \"sum\" FROM {SecurityEvent} WHERE {TimeRange(window)} GROUP BY \"service\"", cancellationToken),
            row => row.Value("sum")?.GetInt64());

    private static WindowCounts? ReadCounts(InfluxResponse.Row row) =>
        row.Value("count")?.GetInt64() is { } count and > 0 ? new WindowCounts(count, row.Value("up")?.GetInt64() ?? 0) : null;

    /// <summary>One value per service from a query grouped by service, leaving out services whose value is null.</summary>
    private static Dictionary<string, T> ByService<T>(IReadOnlyList<InfluxResponse.Row> rows, Func<InfluxResponse.Row, T?> read)
        where T : struct
    {
        var values = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (read(row) is { } value)
            {
                values[row.Tag("service")] = value;
            }
        }

        return values;
    }
}
