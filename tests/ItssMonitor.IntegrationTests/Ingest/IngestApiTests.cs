using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Ingest;

/// <summary>The push ingest API of the real server process: what it stores, what it refuses and how it says so.</summary>
public sealed class IngestApiTests(SharedIngestServer shared) : IClassFixture<SharedIngestServer>
{
    private IngestServer Server => shared.Server;

    [Fact]
    public async Task A_valid_JSON_batch_is_answered_202_and_lands_in_the_store()
    {
        var service = TestData.UniqueName("json");
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        var json = $$"""
            {"samples":[
              {"service":"{{service}}","check":"nightly","timestamp":"{{at:yyyy-MM-ddTHH:mm:ss.fffzzz}}","up":false,"latencyMs":12.5,"statusCode":503,"error":"timed out","location":"eu-west"},
              {"service":"{{service}}","check":"hourly","up":true}
            ]}
            """;

        using var response = await Server.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await ReadJsonAsync(response)).GetProperty("accepted").GetInt32());
        var stored = await WaitForChecksAsync(service, 2);
        var nightly = Assert.Single(stored, sample => sample.Check == "nightly");
        Assert.Equal(new CheckSample(service, "nightly", "push", "eu-west", DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), false, 12.5, 503, "timed out"), nightly);
    }

    [Fact]
    public async Task Bad_and_good_samples_in_one_request_the_bad_are_listed_and_the_good_stored()
    {
        var service = TestData.UniqueName("partial");
        var json = $$"""
            {"samples":[
              {"service":"{{service}}","check":"a","up":true},
              {"service":"{{service}}","check":"b","up":7},
              {"service":"{{service}}","check":"c","up":true,"kind":"snmp"},
              {"check":"d","up":true},
              {"service":"{{service}}","check":"e","up":false}
            ]}
            """;

        using var response = await Server.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("Some samples were rejected", problem.GetProperty("title").GetString());
        Assert.Equal("3 of 5 samples rejected; 2 accepted", problem.GetProperty("detail").GetString());
        Assert.Equal(2, problem.GetProperty("accepted").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
            [(1, "up: expected 0 or 1, got 7"), (2, "kind \"snmp\" is not one of http, tcp, dns, tls, icmp, push"), (3, "service is missing")],
            errors);
        Assert.Equal(["a", "e"], (await WaitForChecksAsync(service, 2)).Select(sample => sample.Check).Order());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_a_400_saying_where()
    {
        using var response = await Server.PostJsonAsync("{\"samples\":[\n  {\"service\": nope}]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("The body is not JSON", problem.GetProperty("title").GetString());
        Assert.Contains("(line 2, byte ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Line_protocol_gzip_compressed_with_precision_s_is_stored_in_milliseconds_and_answered_204()
    {
        var service = TestData.UniqueName("gzip");
        var seconds = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var lines = $"# written by a test\ncheck_result,check=disk,host=agent-1,service={service} up=1i,latency_ms=3,status_code=200i {seconds}\r\n"
            + $"check_result,check=backup,service={service},location=site\\ 2 up=false,error=\"disk \\\"full\\\"\" {seconds}\n";
        using var content = new ByteArrayContent(Gzip(lines));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Server.PostAsync("api/v1/write?db=telegraf&precision=s", content);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await WaitForChecksAsync(service, 2);
        Assert.All(stored, sample => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds), sample.Timestamp));
        var backup = Assert.Single(stored, sample => sample.Check == "backup");
        Assert.Equal(("site 2", false, "disk \"full\"", "push"), (backup.Location, backup.Up, backup.Error, backup.Kind));
    }

    [Fact]
    public async Task Lines_exactly_as_Telegraf_writes_them_with_nanoseconds_and_no_precision_are_stored()
    {
        var service = TestData.UniqueName("telegraf");
        var nanoseconds = DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeMilliseconds() * 1_000_000 + 123_456;

        using var response = await Server.WriteAsync($"check_result,check=ping,host=h,service={service} latency_ms=1.25,up=1i {nanoseconds}\n", "?db=telegraf", IngestServer.TelegrafKey);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var sample = Assert.Single(await WaitForChecksAsync(service, 1));
        Assert.Equal(nanoseconds / 1_000_000, sample.Timestamp.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Bad_lines_are_listed_by_line_number_with_InfluxDBs_error_member_and_the_good_lines_stored()
    {
        var service = TestData.UniqueName("lines");
        var lines = $"check_result,service={service},check=a up=1i\ncheck_result,service={service},check=b up=7i\ncpu,host=h usage=3\ncheck_result,service={service},check=c up=1i 12 garbage\ncheck_result,service={service},check=d up=0i\n";

        using var response = await Server.WriteAsync(lines);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("3 of 5 lines rejected; 2 accepted", problem.GetProperty("detail").GetString());
        Assert.Equal([2, 3, 4], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal("field up: expected 0 or 1, got 7", problem.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.StartsWith("partial write: 3 of 5 lines rejected", problem.GetProperty("error").GetString());
        Assert.Equal(["a", "d"], (await WaitForChecksAsync(service, 2)).Select(sample => sample.Check).Order());
    }

    [Fact]
    public async Task Security_event_lines_are_stored_as_security_samples()
    {
        var service = TestData.UniqueName("security");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds());

        using var response = await Server.WriteAsync(
            $"security_event,service={service},check=login,kind=http auth_failures=42i,tls_version=\"TLS 1.3\",chain_valid=t,hostname_valid=true,cert_days_left=30.5 {at.ToUnixTimeMilliseconds()}\n",
            "?precision=ms");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<SecuritySample> stored = [];
        while (stored.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            stored = await Server.Store.GetSecuritySamplesAsync(SampleScope.ForService(service), new TimeWindow(at.AddMinutes(-1), at.AddMinutes(1)), CancellationToken.None);
        }

        Assert.Equal(new SecuritySample(service, "login", "http", "", at, 30.5, "TLS 1.3", true, true, 42), Assert.Single(stored));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var service = TestData.UniqueName("large");
        var line = $"check_result,service={service},check=c up=1i\n";

        using var response = await Server.WriteAsync(string.Concat(Enumerable.Repeat(line, SharedIngestServer.MaxBodyBytes / line.Length + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"larger than {SharedIngestServer.MaxBodyBytes} bytes (Ingest:MaxBodyBytes)", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
        // The unread rest of the body ends the connection; the client is told, so it does not reuse it.
        Assert.True(response.Headers.ConnectionClose);
    }

    [Fact]
    public async Task A_gzip_body_that_expands_past_the_limit_is_refused_with_413()
    {
        var bomb = Gzip(new string(' ', 50 * 1024 * 1024));
        Assert.True(bomb.Length < SharedIngestServer.MaxBodyBytes);
        using var content = new ByteArrayContent(bomb);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Server.PostAsync("api/v1/write", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("once decompressed", (await ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_many_samples_in_one_request_are_refused_with_413_and_nothing_is_stored()
    {
        var service = TestData.UniqueName("many");
        var samples = Enumerable.Range(0, SharedIngestServer.MaxSamplesPerRequest + 1).Select(i => $$"""{"service":"{{service}}","check":"c{{i}}","up":true}""");

        using var json = await Server.PostJsonAsync($"{{\"samples\":[{string.Join(",", samples)}]}}");
        using var lines = await Server.WriteAsync(string.Concat(Enumerable.Range(0, SharedIngestServer.MaxSamplesPerRequest + 1).Select(i => $"check_result,service={service},check=c{i} up=1i\n")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Equal(
            $"{SharedIngestServer.MaxSamplesPerRequest + 1} samples in one request; at most {SharedIngestServer.MaxSamplesPerRequest} are accepted (Ingest:MaxSamplesPerRequest). Nothing was stored: split the batch.",
            (await ReadJsonAsync(json)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, lines.StatusCode);
        await Task.Delay(1500);
        Assert.DoesNotContain(await Server.Store.GetLatestAsync(CancellationToken.None), sample => sample.Service == service);
    }

    [Fact]
    public async Task Telegrafs_CREATE_DATABASE_on_query_is_answered_200_and_other_queries_400()
    {
        using var form = new FormUrlEncodedContent([new("q", "CREATE DATABASE \"telegraf\"")]);
        using var create = await Server.PostAsync("api/v1/query", form, IngestServer.TelegrafKey);
        using var select = await Server.PostAsync("api/v1/query?q=SELECT%20*%20FROM%20check_result", new StringContent(""), IngestServer.TelegrafKey);

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal("""{"results":[{"statement_id":0}]}""", await create.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Equal("Only CREATE DATABASE is answered here", (await ReadJsonAsync(select)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Without_a_key_401_with_an_unknown_key_403_both_problem_json()
    {
        using var none = await Server.WriteAsync("check_result,service=s,check=c up=1i", key: null);
        using var wrong = await Server.WriteAsync("check_result,service=s,check=c up=1i", key: "not-a-configured-key-000000");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("The API key is not known", (await ReadJsonAsync(wrong)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bearer_X_Api_Key_and_Basic_password_all_authenticate_and_no_key_appears_in_the_output()
    {
        var service = TestData.UniqueName("auth");
        using var bearer = await Server.WriteAsync($"check_result,service={service},check=bearer up=1i");
        using var headerRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/write") { Content = new StringContent($"check_result,service={service},check=header up=1i") };
        headerRequest.Headers.Add("X-Api-Key", IngestServer.AgentKey);
        using var header = await Server.Http.SendAsync(headerRequest);
        using var basicRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/write?db=telegraf") { Content = new StringContent($"check_result,service={service},check=basic up=1i") };
        basicRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("telegraf:" + IngestServer.TelegrafKey)));
        using var basic = await Server.Http.SendAsync(basicRequest);
        using var wrong = await Server.WriteAsync("check_result,service=s,check=c up=1i", key: "wrong-key-that-must-not-be-logged");

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], [bearer.StatusCode, header.StatusCode, basic.StatusCode]);
        Assert.Equal(3, (await WaitForChecksAsync(service, 3)).Count);
        var output = Server.Process.Output;
        Assert.Contains("unknown API key", output);
        Assert.DoesNotContain(IngestServer.AgentKey, output);
        Assert.DoesNotContain(IngestServer.TelegrafKey, output);
        Assert.DoesNotContain("wrong-key-that-must-not-be-logged", output);
    }

    private async Task<IReadOnlyList<CheckSample>> WaitForChecksAsync(string service, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = (await Server.WaitForLatestAsync(service)).Where(sample => sample.Service == service).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, found.Count);
                return found;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
