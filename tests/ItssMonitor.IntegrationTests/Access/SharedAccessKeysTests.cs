using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.TestServers;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Two server processes sharing one PostgreSQL: a kiosk token or API key revoked on one node stops working on the other.</summary>
public sealed class SharedAccessKeysTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task ApiKey_created_on_one_node_ingests_on_the_other_until_revoked_there_within_the_refresh()
    {
        var (first, second) = await StartNodesAsync("keys");
        await using var _ = first;
        await using var __ = second;

        var key = await first.CreateAsync("api/v1/api-keys", "shared agent");
        await AccessKeysServer.UntilAsync(async () => await second.PushWithAsync(key.Secret) == HttpStatusCode.Accepted, "node B to accept the key made on node A");

        await first.RevokeAsync("api/v1/api-keys", key.Id);
        await AccessKeysServer.UntilAsync(async () => await second.PushWithAsync(key.Secret) == HttpStatusCode.Forbidden, "node B to refuse the key revoked on node A");
    }

    [Fact]
    public async Task KioskToken_revoked_on_one_node_is_refused_at_once_on_the_other_and_its_open_hub_connection_there_closed()
    {
        var (first, second) = await StartNodesAsync("kiosk");
        await using var _ = first;
        await using var __ = second;

        var token = await first.CreateAsync("api/v1/kiosk-tokens", "shared wall");
        using var wall = second.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("wall?kiosk=" + token.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("api/v1/me")).StatusCode);
        await using var hub = await StatusListener.ConnectAsync(new Uri(second.Server.Url, "hubs/status?kiosk=" + token.Secret));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await first.RevokeAsync("api/v1/kiosk-tokens", token.Id);

        // New requests read the shared store: no waiting. The open connection goes at node B's next check.
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("api/v1/me")).StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
    }

    private async Task<(AccessKeysServer First, AccessKeysServer Second)> StartNodesAsync(string name)
    {
        var database = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = TestData.UniqueName(name) }.ConnectionString;
        // One after the other, so that the first creates the tables and the second finds them.
        var first = await AccessKeysServer.StartAsync(("Storage__Postgres", database));
        try
        {
            return (first, await AccessKeysServer.StartAsync(("Storage__Postgres", database)));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }
}
