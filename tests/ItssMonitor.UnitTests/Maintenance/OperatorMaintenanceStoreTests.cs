using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage.Relational;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.UnitTests.Maintenance;

/// <summary>
/// The operators' windows over a SQLite file shared by two stores, as two nodes share a database: each node reads at
/// most once per cache time, sees its own changes at once and the other node's once its cache is up.
/// </summary>
public sealed class OperatorMaintenanceStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-maintenance-");
    private readonly FakeTimeProvider _time = new(T0);
    private DbContextOptions<MonitorDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        _options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={Path.Combine(_directory.FullName, "relational.db")}").Options;
        await using var context = new MonitorDbContext(_options);
        await RelationalSchema.CreateAsync(context, None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_window_started_on_one_node_shows_on_the_other_once_its_cache_time_is_up()
    {
        var nodeA = Store(_options);
        var nodeB = Store(_options);
        Assert.Empty(await nodeB.WindowsAsync(None));

        var window = await nodeA.StartAsync(["Ledger"], T0, T0.AddHours(1), "disk swap", "olga", None);

        Assert.Equal([window.Id], (await nodeA.WindowsAsync(None)).Select(w => w.Id));
        Assert.Empty(await nodeB.WindowsAsync(None));
        _time.Advance(OperatorMaintenanceStore.CacheFor);
        Assert.Equal(["Ledger"], Assert.Single(await nodeB.WindowsAsync(None)).Services);

        await nodeB.EndAsync(window.Id, "olga", None);
        _time.Advance(OperatorMaintenanceStore.CacheFor);
        // Ended early on node B: node A reads it closing then, not an hour after it began.
        Assert.Equal(T0 + OperatorMaintenanceStore.CacheFor, Assert.Single(await nodeA.WindowsAsync(None)).End);
    }

    [Fact]
    public async Task A_store_it_cannot_read_gives_no_windows_instead_of_stopping_the_caller()
    {
        var missing = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={Path.Combine(_directory.FullName, "no-tables.db")}").Options;

        Assert.Empty(await Store(missing).WindowsAsync(None));
    }

    private OperatorMaintenanceStore Store(DbContextOptions<MonitorDbContext> options) =>
        new(new PooledDbContextFactory<MonitorDbContext>(options), _time, NullLogger<OperatorMaintenanceStore>.Instance);
}
