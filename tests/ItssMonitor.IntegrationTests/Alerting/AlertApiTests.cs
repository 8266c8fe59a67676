using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>
/// The alerts and incidents API of the real server process: an outage pushed through the ingest API raises
/// service-down on the live path, and people acknowledge and resolve it over HTTP.
/// </summary>
public sealed class AlertApiTests(SharedHubServer fixture) : IClassFixture<SharedHubServer>, IDisposable
{
    private const string ProblemJson = "application/problem+json";

    private readonly AlertApi _api = new(fixture.Server.Process);

    [Fact]
    public async Task An_outage_is_listed_acknowledged_once_resolved_and_reported_as_an_incident_with_its_timeline()
    {
        await fixture.Server.PushAsync("Payments API", up: false, latencyMs: 0);
        var alert = await _api.WaitForServiceDownAsync("Payments API", "open");
        var id = alert.GetProperty("id").GetString()!;
        Assert.Equal(
            ["id", "rule", "service", "check", "kind", "severity", "state", "occurrence", "openedAt", "lastSeenAt", "summary", "evidence", "acknowledgedAt", "acknowledgedBy", "resolvedAt", "flapping"],
            alert.EnumerateObject().Select(property => property.Name));
        Assert.Equal(("critical", "firing", 1), (alert.GetProperty("severity").GetString(), alert.GetProperty("state").GetString(), alert.GetProperty("occurrence").GetInt32()));
        Assert.StartsWith("Payments API is down: api", alert.GetProperty("summary").GetString());
        Assert.True(alert.GetProperty("evidence").TryGetProperty("check api", out _));
        Assert.True(alert.GetProperty("evidence").TryGetProperty("since", out _));

        var (status, _, acknowledged) = await _api.PostAsync($"api/v1/alerts/{id}/ack", """{"note": "looking at the gateway"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("acknowledged", ServerProcess.AdminName), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));

        var (again, _, unchanged) = await _api.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(ServerProcess.AdminName, unchanged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset(), unchanged.GetProperty("acknowledgedAt").GetDateTimeOffset());
        Assert.Empty((await _api.GetAsync("api/v1/alerts?state=firing&service=Payments%20API")).Body.EnumerateArray());
        Assert.Single((await _api.GetAsync("api/v1/alerts?state=acknowledged&service=Payments%20API")).Body.EnumerateArray());

        var (resolvedStatus, _, resolved) = await _api.PostAsync($"api/v1/alerts/{id}/resolve", "{}");
        Assert.Equal(HttpStatusCode.OK, resolvedStatus);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());

        var (late, type, problem) = await _api.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        Assert.Equal((HttpStatusCode.Conflict, ProblemJson), (late, type));
        Assert.Contains("resolved", problem.GetProperty("detail").GetString());

        var (_, _, detail) = await _api.GetAsync($"api/v1/alerts/{id}");
        Assert.Equal(
            ["opened Payments API is down: api failing", "notified", $"acknowledged {ServerProcess.AdminName} looking at the gateway", $"resolved {ServerProcess.AdminName}"],
            detail.GetProperty("timeline").EnumerateArray().Select(Line));

        // The range is [from, to): an incident opened exactly at 'to' is not in it; times as the API writes them.
        var opened = Uri.EscapeDataString(alert.GetProperty("openedAt").GetString()!);
        Assert.Empty((await _api.GetAsync($"api/v1/incidents?service=Payments%20API&from=2026-01-01&to={opened}")).Body.GetProperty("incidents").EnumerateArray());
        var (incidentsStatus, _, report) = await _api.GetAsync($"api/v1/incidents?service=Payments%20API&from={opened}");
        Assert.Equal(HttpStatusCode.OK, incidentsStatus);
        var incident = Assert.Single(report.GetProperty("incidents").EnumerateArray());
        Assert.Equal(id, incident.GetProperty("alert").GetProperty("id").GetString());
        Assert.Equal(("resolved", ServerProcess.AdminName), (incident.GetProperty("state").GetString(), incident.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal(4, incident.GetProperty("timeline").GetArrayLength());
        var summary = report.GetProperty("summary");
        Assert.Equal((1, 1, 1), (summary.GetProperty("count").GetInt32(), summary.GetProperty("acknowledged").GetInt32(), summary.GetProperty("resolved").GetInt32()));
        Assert.True(summary.GetProperty("mttaSeconds").GetDouble() >= 0);
        Assert.True(summary.GetProperty("mttrSeconds").GetDouble() >= summary.GetProperty("mttaSeconds").GetDouble());
    }

    [Theory]
    [InlineData("{\"by\": \"alice\",", "line 1")]
    [InlineData("{\"by\": \"alice\"}", "leave 'by' out")]
    [InlineData("{\"by\": \"  \"}", "leave 'by' out")]
    [InlineData("{", "line 1")]
    public async Task A_bad_acknowledgement_body_gets_a_400_saying_what_is_wrong(string body, string expected)
    {
        var (status, type, problem) = await _api.PostAsync("api/v1/alerts/0123456789abcdef/ack", body);

        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (status, type));
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/v1/alerts/0123456789abcdef/ack")]
    [InlineData("api/v1/alerts/0123456789abcdef/resolve")]
    public async Task Acting_on_an_unknown_alert_gets_a_404_naming_it(string path)
    {
        var (status, type, problem) = await _api.PostAsync(path, "{}");

        Assert.Equal((HttpStatusCode.NotFound, ProblemJson), (status, type));
        Assert.Contains("0123456789abcdef", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Reading_an_unknown_alert_gets_a_404_naming_it()
    {
        var (status, type, problem) = await _api.GetAsync("api/v1/alerts/feedfacefeedface");

        Assert.Equal((HttpStatusCode.NotFound, ProblemJson), (status, type));
        Assert.Contains("feedfacefeedface", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/v1/alerts?state=burning", "'state' is 'burning'")]
    [InlineData("api/v1/incidents?state=1", "'state' is '1'")]
    [InlineData("api/v1/incidents?from=yesterday", "'from' is 'yesterday'")]
    [InlineData("api/v1/incidents?to=2026-13-01", "'to' is '2026-13-01'")]
    [InlineData("api/v1/incidents?to=11/22/2026", "expected ISO 8601")]
    [InlineData("api/v1/incidents?from=2026-11-01T00:00:00+01:00", "'from' is '2026-11-01T00:00:00 01:00'")]
    [InlineData("api/v1/incidents?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z", "must be before")]
    public async Task Bad_query_parameters_get_a_400_naming_the_parameter(string path, string expected)
    {
        var (status, type, problem) = await _api.GetAsync(path);

        Assert.Equal((HttpStatusCode.BadRequest, ProblemJson), (status, type));
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Open_alerts_are_worst_first_and_a_service_that_recovers_has_its_alert_resolved()
    {
        await fixture.Server.PushAsync("Payments Batch", up: false, latencyMs: 0);
        var alert = await _api.WaitForServiceDownAsync("Payments Batch", "open");

        await fixture.Server.PushAsync("Payments Batch", up: true, latencyMs: 5);
        var resolved = await _api.WaitForServiceDownAsync("Payments Batch", "resolved");

        Assert.Equal(alert.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.Null(resolved.GetProperty("acknowledgedBy").GetString());
        var open = (await _api.GetAsync("api/v1/alerts")).Body.EnumerateArray().ToList();
        Assert.DoesNotContain(open, a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
    }

    public void Dispose() => _api.Dispose();

    private static string Line(JsonElement entry) => string.Join(' ', new[]
    {
        entry.GetProperty("kind").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("detail").GetString(),
    }.Where(part => part is not null));
}
