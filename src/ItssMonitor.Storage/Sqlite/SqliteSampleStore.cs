using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Statistics;
using Microsoft.Data.Sqlite;

namespace ItssMonitor.Storage.Sqlite;

/// <summary>
/// The embedded sample store: one SQLite file, so a bare machine runs the product with no server.
/// Percentiles are computed here with the same nearest-rank rule InfluxDB uses.
/// </summary>
public sealed partial class SqliteSampleStore(SqliteOptions options) : ISampleStore
{
    private const string Columns = "service, check_name, kind, location, time_ms, up, latency_ms, status_code, error";
    private const string SecurityColumns = "service, check_name, kind, location, time_ms, cert_days_left, tls_version, chain_valid, hostname_valid, auth_failures";
    private const string RollupColumns = "service, check_name, kind, location, hour_ms, count, up_count, latency_p50_ms, latency_p95_ms, latency_p99_ms";
    private const string ColumnDefinitions = """
        service TEXT NOT NULL, check_name TEXT NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL,
        time_ms INTEGER NOT NULL, up INTEGER NOT NULL, latency_ms REAL, status_code INTEGER, error TEXT
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = options.Path, Pooling = true }.ToString();

    public string Description => $"SQLite at {Path.GetFullPath(options.Path)}";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateSchemaAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot open the sample database {Description} (Storage:Sqlite:Path): {exception.Message}", exception);
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS check_result (
                {ColumnDefinitions},
                PRIMARY KEY (service, check_name, kind, location, time_ms)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS check_result_by_service_time ON check_result (service, time_ms);
            CREATE INDEX IF NOT EXISTS check_result_by_time ON check_result (time_ms);
            CREATE TABLE IF NOT EXISTS security_event (
                service TEXT NOT NULL, check_name TEXT NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL, time_ms INTEGER NOT NULL,
                cert_days_left REAL, tls_version TEXT, chain_valid INTEGER, hostname_valid INTEGER, auth_failures INTEGER,
                PRIMARY KEY (service, check_name, kind, location, time_ms)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS security_event_by_time ON security_event (time_ms);
            CREATE TABLE IF NOT EXISTS check_rollup_1h (
                service TEXT NOT NULL, check_name TEXT NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL, hour_ms INTEGER NOT NULL,
                count INTEGER NOT NULL, up_count INTEGER NOT NULL, latency_p50_ms REAL, latency_p95_ms REAL, latency_p99_ms REAL,
                PRIMARY KEY (service, check_name, kind, location, hour_ms)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS check_rollup_1h_by_hour ON check_rollup_1h (hour_ms);
            CREATE TABLE IF NOT EXISTS latest_sample (
                {ColumnDefinitions},
                PRIMARY KEY (service, check_name, kind, location)) WITHOUT ROWID;
            """, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        try
        {
            await InsertAsync(samples, cancellationToken);
        }
        catch (SqliteException exception)
        {
            // Busy, locked, disk full: the samples are fine, the database is not (yet); the writer keeps them.
            throw new SampleStoreUnavailableException($"{Description} cannot be written: {exception.Message}", exception);
        }
    }

    private async Task InsertAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var insertCheck = Prepare(connection, $"""
            INSERT OR REPLACE INTO check_result ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
            INSERT INTO latest_sample ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (service, check_name, kind, location) DO UPDATE SET
                time_ms = excluded.time_ms, up = excluded.up, latency_ms = excluded.latency_ms,
                status_code = excluded.status_code, error = excluded.error
            WHERE excluded.time_ms >= latest_sample.time_ms;
            """, parameterCount: 9);
        await using var insertSecurity = Prepare(connection, $"""
            INSERT OR REPLACE INTO security_event ({SecurityColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
            """, parameterCount: 10);
        foreach (var sample in samples)
        {
            object?[] series = [sample.Service, sample.Check, sample.Kind, sample.Location, sample.Timestamp.ToUnixTimeMilliseconds()];
            var (command, values) = sample switch
            {
                CheckSample check => (insertCheck, [.. series, check.Up ? 1 : 0, check.LatencyMs, check.StatusCode, check.Error]),
                SecuritySample security => (insertSecurity, (object?[])[.. series, security.CertDaysLeft, security.TlsVersion, security.ChainValid, security.HostnameValid, security.AuthFailures]),
                _ => throw new ArgumentException($"Unknown kind of sample: {sample.GetType().Name}", nameof(samples)),
            };
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CheckSample>> GetLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM latest_sample";
        return await ReadCheckSamplesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckSample>> GetCheckSamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT {Columns} FROM check_result
            WHERE service = $service AND ($check IS NULL OR check_name = $check) AND time_ms >= $from AND time_ms < $to
            ORDER BY time_ms
            """;
        AddScope(query, scope, window);
        return await ReadCheckSamplesAsync(query, cancellationToken);
    }

    private static async Task<List<CheckSample>> ReadCheckSamplesAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var samples = new List<CheckSample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add(new CheckSample(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5) == 1,
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return samples;
    }

    public async Task<SampleStatistics?> GetStatisticsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var buckets = await ReadBucketsAsync(scope, window, bucketSize: null, cancellationToken);
        if (buckets.Count == 0)
        {
            return null;
        }

        var all = buckets[0];
        return new SampleStatistics(all.Count, all.Availability, all.Percentile(50), all.Percentile(95), all.Percentile(99));
    }

    public async Task<ChartSeries> GetSeriesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var size = ChartBucket.SizeFor(window.Length);
        var buckets = await ReadBucketsAsync(scope, window, size, cancellationToken);
        var points = buckets
            .Select(bucket => new SeriesPoint(DateTimeOffset.FromUnixTimeMilliseconds(bucket.StartMs), bucket.Count, bucket.Availability, bucket.Percentile(50), bucket.Percentile(95)))
            .ToList();
        return new ChartSeries(size, points);
    }

    public async Task<IReadOnlyList<SecuritySample>> GetSecuritySamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT {SecurityColumns} FROM security_event
            WHERE service = $service AND ($check IS NULL OR check_name = $check) AND time_ms >= $from AND time_ms < $to
            ORDER BY time_ms
            """;
        AddScope(query, scope, window);
        return await ReadSecuritySamplesAsync(query, cancellationToken);
    }

    private static async Task<List<SecuritySample>> ReadSecuritySamplesAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var samples = new List<SecuritySample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add(new SecuritySample(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetBoolean(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9)));
        }

        return samples;
    }

    public async Task DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = """
            DELETE FROM check_result WHERE time_ms < $cutoff;
            DELETE FROM latest_sample WHERE time_ms < $cutoff;
            DELETE FROM security_event WHERE time_ms < $cutoff;
            """;
        delete.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CheckReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT 1 FROM check_result LIMIT 1", cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new SampleStoreUnavailableException($"{Description} cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>Reads the window's samples ordered by bucket (one bucket for the whole window when <paramref name="bucketSize"/> is null).</summary>
    private async Task<List<SampleBucket>> ReadBucketsAsync(SampleScope scope, TimeWindow window, TimeSpan? bucketSize, CancellationToken cancellationToken)
    {
        var sizeMs = (long)(bucketSize?.TotalMilliseconds ?? 0);
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        var bucketExpression = bucketSize is null ? "0" : "time_ms - ((time_ms % $size) + $size) % $size";
        query.CommandText = $"""
            SELECT {bucketExpression} AS bucket, up, latency_ms FROM check_result
            WHERE service = $service AND ($check IS NULL OR check_name = $check) AND time_ms >= $from AND time_ms < $to
            ORDER BY bucket
            """;
        query.Parameters.AddWithValue("$size", sizeMs);
        AddScope(query, scope, window);

        var buckets = new List<SampleBucket>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = reader.GetInt64(0);
            if (buckets.Count == 0 || buckets[^1].StartMs != start)
            {
                buckets.Add(new SampleBucket(start));
            }

            buckets[^1].Add(reader.GetInt64(1) == 1, reader.IsDBNull(2) ? null : reader.GetDouble(2));
        }

        return buckets;
    }

    private static void AddScope(SqliteCommand query, SampleScope scope, TimeWindow window)
    {
        query.Parameters.AddWithValue("$service", scope.Service);
        query.Parameters.AddWithValue("$check", (object?)scope.Check ?? DBNull.Value);
        query.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        query.Parameters.AddWithValue("$to", window.To.ToUnixTimeMilliseconds());
    }

    /// <summary>A command with positional parameters $1…$n, prepared once and run for every sample of a batch.</summary>
    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + i });
        }

        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The samples of one bucket, summarised as InfluxDB's count, mean(up) and percentile() would.</summary>
    private sealed class SampleBucket(long startMs)
    {
        private readonly List<double> _latencies = [];
        private long _up;
        private bool _sorted;

        public long StartMs { get; } = startMs;

        public long Count { get; private set; }

        public long UpCount => _up;

        public double Availability => (double)_up / Count;

        public void Add(bool up, double? latencyMs)
        {
            Count++;
            _up += up ? 1 : 0;
            if (latencyMs is { } latency)
            {
                _latencies.Add(latency);
                _sorted = false;
            }
        }

        public double? Percentile(double percent)
        {
            if (!_sorted)
            {
                _latencies.Sort();
                _sorted = true;
            }

            return Core.Statistics.Percentile.NearestRank(_latencies, percent);
        }
    }
}
