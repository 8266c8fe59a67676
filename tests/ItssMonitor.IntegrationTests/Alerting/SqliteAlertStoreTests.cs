using ItssMonitor.Storage.Relational;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.IntegrationTests.Alerting;

public sealed class SqliteAlertStoreTests : AlertStoreContract
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-alerts-");

    protected override Task<DbContextOptions<MonitorDbContext>> CreateEmptyDatabaseAsync() =>
        Task.FromResult(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={Path.Combine(_directory.FullName, "alerts.db")}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
