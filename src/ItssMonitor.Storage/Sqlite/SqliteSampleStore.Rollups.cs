using ItssMonitor.Core.Samples;
using Microsoft.Data.Sqlite;

namespace ItssMonitor.Storage.Sqlite;

/// <summary>The hourly rollups (<c>check_rollup_1h</c>): computed from raw samples, stored, read and pruned.</summary>
public sealed partial class SqliteSampleStore
{
    public async Task<IReadOnlyList<HourlyRollup>> ComputeHourlyRollupsAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        WholeHours.Require(window);
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT service, check_name, kind, location, time_ms - ((time_ms % 3600000) + 3600000) % 3600000 AS hour, up, latency_ms FROM check_result
            WHERE time_ms >= $from AND time_ms < $to
            ORDER BY service, check_name, kind, location, hour
            """;
        query.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        query.Parameters.AddWithValue("$to", window.To.ToUnixTimeMilliseconds());
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);

        var rollups = new List<HourlyRollup>();
        (string Service, string Check, string Kind, string Location)? series = null;
        SampleBucket? bucket = null;
        void Close()
        {
            if (series is { } s && bucket is not null)
            {
                rollups.Add(new HourlyRollup(s.Service, s.Check, s.Kind, s.Location, DateTimeOffset.FromUnixTimeMilliseconds(bucket.StartMs),
                    bucket.Count, bucket.UpCount, bucket.Percentile(50), bucket.Percentile(95), bucket.Percentile(99)));
            }
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var current = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            var hour = reader.GetInt64(4);
            if (series != current || bucket!.StartMs != hour)
            {
                Close();
                series = current;
                bucket = new SampleBucket(hour);
            }

            bucket.Add(reader.GetInt64(5) == 1, reader.IsDBNull(6) ? null : reader.GetDouble(6));
        }

        Close();
        return rollups;
    }

    public async Task WriteRollupsAsync(IReadOnlyList<HourlyRollup> rollups, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await using var insert = Prepare(connection, $"INSERT OR REPLACE INTO check_rollup_1h ({RollupColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", parameterCount: 10);
            foreach (var rollup in rollups)
            {
                object?[] values = [rollup.Service, rollup.Check, rollup.Kind, rollup.Location, rollup.Hour.ToUnixTimeMilliseconds(),
                    rollup.Count, rollup.UpCount, rollup.LatencyP50Ms, rollup.LatencyP95Ms, rollup.LatencyP99Ms];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new SampleStoreUnavailableException($"{Description} cannot be written: {exception.Message}", exception);
        }
    }

    public async Task<IReadOnlyList<HourlyRollup>> GetRollupsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT {RollupColumns} FROM check_rollup_1h
            WHERE service = $service AND ($check IS NULL OR check_name = $check) AND hour_ms >= $from AND hour_ms < $to
            ORDER BY hour_ms
            """;
        AddScope(query, scope, window);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var rollups = new List<HourlyRollup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rollups.Add(new HourlyRollup(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9)));
        }

        return rollups;
    }

    public async Task<DateTimeOffset?> GetNewestRollupHourAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT MAX(hour_ms) FROM check_rollup_1h";
        return await query.ExecuteScalarAsync(cancellationToken) is long hour ? DateTimeOffset.FromUnixTimeMilliseconds(hour) : null;
    }

    public async Task DeleteRollupsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM check_rollup_1h WHERE hour_ms < $cutoff";
        delete.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
