using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>Two server processes sharing one PostgreSQL: an outage both see is one alert with one opening, and what a person does on one node shows on the other.</summary>
public sealed class SharedAlertsTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Two_nodes_seeing_the_same_outage_make_one_alert_that_either_can_acknowledge()
    {
        var database = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = TestData.UniqueName("alerts") }.ConnectionString;
        // One after the other, so that the first creates the tables and the second finds them.
        await using var first = await HubServer.StartAsync(("Storage__Postgres", database));
        await using var second = await HubServer.StartAsync(("Storage__Postgres", database));
        using var firstApi = new AlertApi(first.Process);
        using var secondApi = new AlertApi(second.Process);

        var at = PushServer.NextTimestamp();
        await Task.WhenAll(first.PushAsync("Search", up: false, 0, at), second.PushAsync("Search", up: false, 0, at));
        var alert = await firstApi.WaitForServiceDownAsync("Search", "firing");
        var id = alert.GetProperty("id").GetString();

        var (status, _, _) = await secondApi.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        Assert.Equal(HttpStatusCode.OK, status);

        var (_, _, detail) = await firstApi.GetAsync($"api/v1/alerts/{id}");
        Assert.Equal(("acknowledged", ServerProcess.AdminName), (detail.GetProperty("alert").GetProperty("state").GetString(), detail.GetProperty("alert").GetProperty("acknowledgedBy").GetString()));
        Assert.Equal(["opened", "notified", "acknowledged"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var (_, _, open) = await secondApi.GetAsync("api/v1/alerts?service=Search");
        Assert.Single(open.EnumerateArray());
    }
}
