using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Maintenance;

/// <summary>Two server processes on one PostgreSQL: a window an operator starts on one node shows on the other, and ending it on the other ends it on the first.</summary>
public sealed class SharedMaintenanceTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_window_set_on_one_node_puts_the_service_in_maintenance_on_the_other()
    {
        var database = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = TestData.UniqueName("maintenance") }.ConnectionString;
        // One after the other, so that the first creates the tables and the second finds them.
        await using var first = await MaintenanceServer.StartAsync(("Storage__Postgres", database));
        await using var second = await MaintenanceServer.StartAsync(("Storage__Postgres", database));

        var (status, _, created) = await first.Admin.PostAsync("api/v1/maintenance", MaintenanceServer.Window("failover drill", DateTimeOffset.UtcNow.AddHours(1), "Refunds"));
        Assert.Equal(HttpStatusCode.Created, status);

        await second.WaitForStateAsync("Refunds", "maintenance");
        var (_, _, listed) = await second.Admin.GetAsync("api/v1/maintenance");
        Assert.Equal("failover drill", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.OK, (await second.Admin.DeleteAsync($"api/v1/maintenance/{created.GetProperty("id").GetInt64()}")).Status);
        await first.WaitForStateAsync("Refunds", "unknown");
    }
}
