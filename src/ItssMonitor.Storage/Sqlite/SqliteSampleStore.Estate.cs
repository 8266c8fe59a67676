using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Core.Statistics;
using Microsoft.Data.Sqlite;

namespace ItssMonitor.Storage.Sqlite;

/// <summary>The estate-wide reads of the evaluation jobs: one query per window for every service at once.</summary>
public sealed partial class SqliteSampleStore
{
    public Task<IReadOnlyDictionary<string, WindowCounts>> CountByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ReadByServiceAsync(
            "SELECT service, COUNT(*), SUM(up) FROM check_result WHERE time_ms >= $from AND time_ms < $to GROUP BY service",
            window,
            ReadCounts,
            cancellationToken);

    public Task<IReadOnlyDictionary<string, WindowCounts>> CountRollupsByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ReadByServiceAsync(
            "SELECT service, SUM(count), SUM(up_count) FROM check_rollup_1h WHERE hour_ms >= $from AND hour_ms < $to GROUP BY service",
            window,
            ReadCounts,
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, double>> GetLatencyP95ByServiceAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT service, latency_ms FROM check_result
            WHERE time_ms >= $from AND time_ms < $to AND latency_ms IS NOT NULL
            ORDER BY service, latency_ms
            """;
        query.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        query.Parameters.AddWithValue("$to", window.To.ToUnixTimeMilliseconds());
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var p95 = new Dictionary<string, double>(StringComparer.Ordinal);
        var service = "";
        var sorted = new List<double>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) != service)
            {
                Close();
                service = reader.GetString(0);
            }

            sorted.Add(reader.GetDouble(1));
        }

        Close();
        return p95;

        void Close()
        {
            if (sorted.Count > 0)
            {
                p95[service] = Percentile.NearestRank(sorted, 95)!.Value;
                sorted.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<SecuritySample>> GetLatestSecuritySamplesAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT {SecurityColumns} FROM security_event
            JOIN (SELECT service AS newest_service, check_name AS newest_check, kind AS newest_kind, location AS newest_location, MAX(time_ms) AS newest_time
                  FROM security_event WHERE time_ms >= $from AND time_ms < $to GROUP BY service, check_name, kind, location)
            ON service = newest_service AND check_name = newest_check AND kind = newest_kind AND location = newest_location AND time_ms = newest_time
            """;
        query.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        query.Parameters.AddWithValue("$to", window.To.ToUnixTimeMilliseconds());
        return await ReadSecuritySamplesAsync(query, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, long>> SumAuthFailuresByServiceAsync(TimeWindow window, CancellationToken cancellationToken) =>
        ReadByServiceAsync(
            "SELECT service, SUM(auth_failures) FROM security_event WHERE time_ms >= $from AND time_ms < $to AND auth_failures IS NOT NULL GROUP BY service",
            window,
            reader => reader.GetInt64(1),
            cancellationToken);

    private static WindowCounts ReadCounts(SqliteDataReader reader) => new(reader.GetInt64(1), reader.GetInt64(2));

    /// <summary>Runs a query grouped by service over [$from, $to); the first column is the service.</summary>
    private async Task<IReadOnlyDictionary<string, T>> ReadByServiceAsync<T>(string sql, TimeWindow window, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        query.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        query.Parameters.AddWithValue("$to", window.To.ToUnixTimeMilliseconds());
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            values[reader.GetString(0)] = read(reader);
        }

        return values;
    }
}
