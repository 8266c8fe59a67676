using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Relational;
using ItssMonitor.TestServers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>The alert store contract on a real PostgreSQL, the database several nodes share; a new database per test.</summary>
public sealed class PostgresAlertStoreTests(PostgresServer postgres) : AlertStoreContract, IClassFixture<PostgresServer>
{
    protected override Task<DbContextOptions<MonitorDbContext>> CreateEmptyDatabaseAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = TestData.UniqueName("alerts") }.ConnectionString;
        return Task.FromResult(new DbContextOptionsBuilder<MonitorDbContext>().UseNpgsql(connectionString).Options);
    }
}
