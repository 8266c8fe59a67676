using System.Net;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Hub;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Acknowledging and resolving over the API: Operators only, as the signed-in user, recorded in the audit log.</summary>
public sealed class AlertActorTests
{
    private const string Password = "operator-password-1234";

    [Fact]
    public async Task The_signed_in_Operator_acts_a_Viewer_cannot_and_a_body_naming_someone_is_refused()
    {
        await using var server = await HubServer.StartAsync();
        await server.Process.CreateUserAsync("otto", Password, "Operator");
        await server.Process.CreateUserAsync("vera", Password, "Viewer");
        using var operatorApi = new AlertApi(server.Process, "otto", Password);
        using var viewerApi = new AlertApi(server.Process, "vera", Password);
        using var adminApi = new AlertApi(server.Process);
        await server.PushAsync("Search", up: false, latencyMs: 0);
        var id = (await operatorApi.WaitForServiceDownAsync("Search", "firing")).GetProperty("id").GetString()!;

        var (viewerStatus, _, _) = await viewerApi.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, viewerStatus);
        var (namedStatus, _, named) = await operatorApi.PostAsync($"api/v1/alerts/{id}/ack", """{"by": "alice"}""");
        Assert.Equal(HttpStatusCode.BadRequest, namedStatus);
        Assert.Contains("signed-in user (otto)", named.GetProperty("detail").GetString());

        var (ackStatus, _, acknowledged) = await operatorApi.PostAsync($"api/v1/alerts/{id}/ack", """{"note": "on it"}""");
        Assert.Equal(HttpStatusCode.OK, ackStatus);
        Assert.Equal("otto", acknowledged.GetProperty("acknowledgedBy").GetString());
        var (resolveStatus, _, _) = await operatorApi.PostAsync($"api/v1/alerts/{id}/resolve", "");
        Assert.Equal(HttpStatusCode.OK, resolveStatus);

        var (_, _, detail) = await operatorApi.GetAsync($"api/v1/alerts/{id}");
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "resolved" && entry.GetProperty("actor").GetString() == "otto");
        var (_, _, audit) = await adminApi.GetAsync("api/v1/audit?limit=2");
        Assert.Equal(
            [("otto", "alert.resolve", id, "service Search"), ("otto", "alert.acknowledge", id, "service Search; note: on it")],
            audit.EnumerateArray().Select(entry => (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString(), entry.GetProperty("detail").GetString())));
    }
}
