using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Statistics;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Storage.Influx;

/// <summary>
/// Sample store on InfluxDB's HTTP API: line protocol to <c>/write</c>, InfluxQL to <c>/query</c>.
/// Both endpoints exist on InfluxDB 1.x, 2.x (v1 compatibility, bucket = database) and 3.x.
/// </summary>
public sealed partial class InfluxSampleStore(HttpClient http, InfluxOptions options, ILogger<InfluxSampleStore> logger) : ISampleStore
{
    private static readonly string CheckResult = InfluxQl.Identifier(LineProtocol.CheckMeasurement);
    private static readonly string SecurityEvent = InfluxQl.Identifier(LineProtocol.SecurityMeasurement);
    private static readonly string CheckRollup = InfluxQl.Identifier(LineProtocol.RollupMeasurement);
    private const string StatisticsFields =
        "count(\"up\") AS \"count\", mean(\"up\") AS \"availability\", percentile(\"latency_ms\", 50) AS \"p50\", percentile(\"latency_ms\", 95) AS \"p95\"";

    private readonly Uri _baseUri = new(options.Url!.TrimEnd('/') + "/");

    public string Description => $"InfluxDB at {_baseUri.GetLeftPart(UriPartial.Authority)} (database '{options.Database}')";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // CREATE DATABASE is idempotent on 1.x. On 2.x/3.x, or without admin rights, it is refused:
        // the database (bucket) must then exist already, which the readiness check reports.
        using var response = await SendAsync(QueryRequest(HttpMethod.Post, "CREATE DATABASE " + InfluxQl.Identifier(options.Database)), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogCreateDatabaseRefused(options.Database, (int)response.StatusCode, await InfluxResponse.ReadErrorAsync(response, cancellationToken));
        }
    }

    public async Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await WriteLinesAsync(Encode(samples, LineProtocol.Append), cancellationToken);
    }

    private async Task WriteLinesAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => WriteRequest(body), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && (await InfluxResponse.ReadErrorAsync(response, cancellationToken)).Contains("database not found", StringComparison.Ordinal))
        {
            await InitializeAsync(cancellationToken);
            using var retried = await SendAsync(() => WriteRequest(body), cancellationToken);
            await ThrowOnWriteFailureAsync(retried, cancellationToken);
            return;
        }

        await ThrowOnWriteFailureAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckSample>> GetLatestAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT * FROM {CheckResult} GROUP BY * ORDER BY time DESC LIMIT 1", cancellationToken);
        return rows.Select(ReadCheckSample).ToList();
    }

    public async Task<IReadOnlyList<CheckSample>> GetCheckSamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT * FROM {CheckResult} WHERE {Where(scope, window)} GROUP BY *", cancellationToken);
        return rows.Select(ReadCheckSample).OrderBy(sample => sample.Timestamp).ToList();
    }

    private static CheckSample ReadCheckSample(InfluxResponse.Row row) => new(
        row.Tag("service"),
        row.Tag("check"),
        row.Tag("kind"),
        row.Tag("location"),
        DateTimeOffset.FromUnixTimeMilliseconds(row.Value("time")!.Value.GetInt64()),
        row.Value("up")?.GetInt64() == 1,
        row.Value("latency_ms")?.GetDouble(),
        row.Value("status_code") is { } status ? (int)status.GetInt64() : null,
        row.Value("error")?.GetString());

    public async Task<SampleStatistics?> GetStatisticsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {StatisticsFields}, percentile(\"latency_ms\", 99) AS \"p99\" FROM {CheckResult} WHERE {Where(scope, window)}",
            cancellationToken);
        if (rows.Count == 0 || rows[0].Value("count")?.GetInt64() is null or 0)
        {
            return null;
        }

        var row = rows[0];
        return new SampleStatistics(
            row.Value("count")!.Value.GetInt64(),
            row.Value("availability")!.Value.GetDouble(),
            row.Value("p50")?.GetDouble(),
            row.Value("p95")?.GetDouble(),
            row.Value("p99")?.GetDouble());
    }

    public async Task<ChartSeries> GetSeriesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var bucket = ChartBucket.SizeFor(window.Length);
        var rows = await QueryAsync(
            $"SELECT {StatisticsFields} FROM {CheckResult} WHERE {Where(scope, window)} GROUP BY time({InfluxQl.Duration(bucket)}) fill(none)",
            cancellationToken);
        var points = rows
            .Where(row => row.Value("count")?.GetInt64() > 0)
            .Select(row => new SeriesPoint(
                DateTimeOffset.FromUnixTimeMilliseconds(row.Value("time")!.Value.GetInt64()),
                row.Value("count")!.Value.GetInt64(),
                row.Value("availability")!.Value.GetDouble(),
                row.Value("p50")?.GetDouble(),
                row.Value("p95")?.GetDouble()))
            .ToList();
        return new ChartSeries(bucket, points);
    }

    public async Task<IReadOnlyList<SecuritySample>> GetSecuritySamplesAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT * FROM {SecurityEvent} WHERE {Where(scope, window)} GROUP BY *", cancellationToken);
        return rows.Select(ReadSecuritySample).OrderBy(sample => sample.Timestamp).ToList();
    }

    private static SecuritySample ReadSecuritySample(InfluxResponse.Row row) => new(
        row.Tag("service"),
        row.Tag("check"),
        row.Tag("kind"),
        row.Tag("location"),
        DateTimeOffset.FromUnixTimeMilliseconds(row.Value("time")!.Value.GetInt64()),
        row.Value("cert_days_left")?.GetDouble(),
        row.Value("tls_version")?.GetString(),
        row.Value("chain_valid")?.GetBoolean(),
        row.Value("hostname_valid")?.GetBoolean(),
        row.Value("auth_failures")?.GetInt64());

    public Task DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteOlderThanAsync([LineProtocol.CheckMeasurement, LineProtocol.SecurityMeasurement], cutoff, cancellationToken);

    public async Task<IReadOnlyList<HourlyRollup>> ComputeHourlyRollupsAsync(TimeWindow window, CancellationToken cancellationToken)
    {
        WholeHours.Require(window);
        // GROUP BY * splits by every tag (service, check, kind, location); time(1h) buckets are epoch-aligned, so clock hours in UTC.
        var rows = await QueryAsync(
            // Named as check_rollup_1h's fields, so computed and stored rollups are read alike.
            $"SELECT count(\"up\") AS \"count\", sum(\"up\") AS \"up_count\", percentile(\"latency_ms\", 50) AS \"latency_p50_ms\", " +
            $"percentile(\"latency_ms\", 95) AS \"latency_p95_ms\", percentile(\"latency_ms\", 99) AS \"latency_p99_ms\" FROM {CheckResult} " +
            $"WHERE {TimeRange(window)} GROUP BY time(1h), * fill(none)",
            cancellationToken);
        return rows.Where(row => row.Value("count")?.GetInt64() > 0).Select(ReadRollup).ToList();
    }

    public async Task WriteRollupsAsync(IReadOnlyList<HourlyRollup> rollups, CancellationToken cancellationToken)
    {
        if (rollups.Count > 0)
        {
            await WriteLinesAsync(Encode(rollups, LineProtocol.Append), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<HourlyRollup>> GetRollupsAsync(SampleScope scope, TimeWindow window, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT * FROM {CheckRollup} WHERE {Where(scope, window)} GROUP BY *", cancellationToken);
        return rows.Select(ReadRollup).OrderBy(rollup => rollup.Hour).ToList();
    }

    private static HourlyRollup ReadRollup(InfluxResponse.Row row) => new(
        row.Tag("service"),
        row.Tag("check"),
        row.Tag("kind"),
        row.Tag("location"),
        DateTimeOffset.FromUnixTimeMilliseconds(row.Value("time")!.Value.GetInt64()),
        row.Value("count")?.GetInt64() ?? 0,
        row.Value("up_count")?.GetInt64() ?? 0,
        row.Value("latency_p50_ms")?.GetDouble(),
        row.Value("latency_p95_ms")?.GetDouble(),
        row.Value("latency_p99_ms")?.GetDouble());

    public async Task<DateTimeOffset?> GetNewestRollupHourAsync(CancellationToken cancellationToken)
    {
        // last() is a selector: the row carries the time of the newest point, across all series.
        var rows = await QueryAsync($"SELECT last(\"count\") FROM {CheckRollup}", cancellationToken);
        return rows.Count == 0 || rows[0].Value("time") is not { } time ? null : DateTimeOffset.FromUnixTimeMilliseconds(time.GetInt64());
    }

    public Task DeleteRollupsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteOlderThanAsync([LineProtocol.RollupMeasurement], cutoff, cancellationToken);

    private async Task DeleteOlderThanAsync(IReadOnlyList<string> measurements, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        foreach (var measurement in measurements)
        {
            if (options.Org is null)
            {
                await ReadRowsAsync(QueryRequest(HttpMethod.Post, $"DELETE FROM {InfluxQl.Identifier(measurement)} WHERE time < {InfluxQl.TimeLiteral(cutoff)}"), cancellationToken);
                continue;
            }

            // InfluxDB 2.x has no DELETE statement behind its v1 /query endpoint; it deletes through /api/v2/delete.
            using var response = await SendAsync(() => V2DeleteRequest(measurement, cutoff), cancellationToken);
            await ThrowOnQueryFailureAsync(response, cancellationToken);
        }
    }

    public async Task CheckReadyAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SHOW MEASUREMENTS LIMIT 1", cancellationToken);

    private Task<IReadOnlyList<InfluxResponse.Row>> QueryAsync(string query, CancellationToken cancellationToken) =>
        ReadRowsAsync(QueryRequest(HttpMethod.Get, query), cancellationToken);

    private async Task<IReadOnlyList<InfluxResponse.Row>> ReadRowsAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(createRequest, cancellationToken);
        await ThrowOnQueryFailureAsync(response, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return InfluxResponse.ReadRows(document);
    }

    private static string Where(SampleScope scope, TimeWindow window)
    {
        var where = new StringBuilder(InfluxQl.TagEquals("service", scope.Service));
        if (scope.Check is not null)
        {
            where.Append(" AND ").Append(InfluxQl.TagEquals("check", scope.Check));
        }

        return where.Append(" AND ").Append(TimeRange(window)).ToString();
    }

    private static string TimeRange(TimeWindow window) =>
        $"time >= {InfluxQl.TimeLiteral(window.From)} AND time < {InfluxQl.TimeLiteral(window.To)}";

    private byte[] Encode<T>(IReadOnlyList<T> points, Action<StringBuilder, T> append)
    {
        var text = new StringBuilder(points.Count * 128);
        foreach (var point in points)
        {
            append(text, point);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (!options.Gzip)
        {
            return bytes;
        }

        using var compressed = new MemoryStream(bytes.Length / 4);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private HttpRequestMessage WriteRequest(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (options.Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return Authorize(new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, $"write?db={Uri.EscapeDataString(options.Database)}&precision=ms")) { Content = content });
    }

    /// <summary>Reading statements go as GET; statements that change something (CREATE, DELETE) must be POSTed.</summary>
    private Func<HttpRequestMessage> QueryRequest(HttpMethod method, string statement) => () =>
    {
        var parameters = $"db={Uri.EscapeDataString(options.Database)}&epoch=ms&q={Uri.EscapeDataString(statement)}";
        return Authorize(method == HttpMethod.Get
            ? new HttpRequestMessage(method, new Uri(_baseUri, "query?" + parameters))
            : new HttpRequestMessage(method, new Uri(_baseUri, "query")) { Content = new StringContent(parameters, Encoding.UTF8, "application/x-www-form-urlencoded") });
    };

    private HttpRequestMessage V2DeleteRequest(string measurement, DateTimeOffset cutoff)
    {
        var body = JsonSerializer.Serialize(new
        {
            start = "1970-01-01T00:00:00Z",
            stop = cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            predicate = $"_measurement=\"{measurement}\"",
        });
        return Authorize(new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, $"api/v2/delete?org={Uri.EscapeDataString(options.Org!)}&bucket={Uri.EscapeDataString(options.Database)}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
    }

    private HttpRequestMessage Authorize(HttpRequestMessage request)
    {
        if (options.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
        else if (options.Username is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        return request;
    }

    /// <summary>Sends a request; a connection failure, a timeout or a 5xx answer becomes <see cref="SampleStoreUnavailableException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        HttpResponseMessage response;
        try
        {
            using var request = createRequest();
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SampleStoreUnavailableException($"{Description} did not answer within {options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            throw new SampleStoreUnavailableException($"{Description} is unreachable: {exception.Message}", exception);
        }

        if ((int)response.StatusCode >= 500)
        {
            var error = await InfluxResponse.ReadErrorAsync(response, cancellationToken);
            response.Dispose();
            throw new SampleStoreUnavailableException($"{Description} failed on its side (HTTP {(int)response.StatusCode}): {error}");
        }

        return response;
    }

    private async Task ThrowOnWriteFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = await InfluxResponse.ReadErrorAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // A partial write: InfluxDB stored the valid lines. Retrying would repeat the same refusal.
            throw new SampleWriteRejectedException($"{Description} refused part of a write: {error}", DroppedCount(error));
        }

        // Credentials, a missing database, a full disk: the samples are fine, the setup is not. Keep them for later.
        throw new SampleStoreUnavailableException(DescribeFailure(response.StatusCode, error));
    }

    private async Task ThrowOnQueryFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SampleStoreUnavailableException(DescribeFailure(response.StatusCode, await InfluxResponse.ReadErrorAsync(response, cancellationToken)));
        }
    }

    private string DescribeFailure(HttpStatusCode status, string error) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"{Description} refused the credentials (HTTP {(int)status}: {error}); check Storage:Influx:Token, or Storage:Influx:Username and Password.",
        HttpStatusCode.NotFound =>
            $"{Description} answered 404 ({error}); check Storage:Influx:Url and that the database exists (on InfluxDB 2.x: a bucket with a v1 DBRP mapping).",
        _ => $"{Description} answered HTTP {(int)status}: {error}",
    };

    /// <summary>InfluxDB reports "dropped=N" for lines it refused after parsing, and one "unable to parse" per line it could not parse.</summary>
    private static int DroppedCount(string error)
    {
        var dropped = DroppedPattern().Match(error) is { Success: true } match ? int.Parse(match.Groups[1].Value) : 0;
        return dropped + UnparsablePattern().Count(error);
    }

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex DroppedPattern();

    [GeneratedRegex("unable to parse")]
    private static partial Regex UnparsablePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB did not create database {Database} (HTTP {Status}: {Error}); it must exist already")]
    private partial void LogCreateDatabaseRefused(string database, int status, string error);
}
