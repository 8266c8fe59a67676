using ItssMonitor.Server.Access;
using ItssMonitor.Server.Access.Keys;
using ItssMonitor.Server.Ingest;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>The last-used time in a real SQLite store: noted on first use, then at most once a minute, whichever node wrote it.</summary>
public sealed class ApiKeyLastUseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-last-use-");
    private readonly FakeTimeProvider _time = new(T0);
    private ServiceProvider _provider = null!;
    private IDbContextFactory<MonitorDbContext> _contexts = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = Path.Combine(_directory.FullName, "relational.db") })
            .Build();
        _provider = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider();
        _contexts = _provider.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        await using var context = await _contexts.CreateDbContextAsync();
        await RelationalSchema.CreateAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task ApiKey_use_is_written_on_first_use_then_at_most_once_a_minute_per_node_and_not_when_the_store_has_a_recent_one()
    {
        var node = NewStore();
        var (record, _) = (await node.CreateAsync(CredentialKind.ApiKey, "busy agent", "root", CancellationToken.None))!.Value;

        await node.NoteUseAsync(record.Id, known: null, CancellationToken.None);
        Assert.Equal(T0, await LastUsedAsync(record.Id));

        _time.Advance(TimeSpan.FromSeconds(59));
        await node.NoteUseAsync(record.Id, known: null, CancellationToken.None);
        Assert.Equal(T0, await LastUsedAsync(record.Id));

        _time.Advance(TimeSpan.FromSeconds(2));
        await node.NoteUseAsync(record.Id, known: T0, CancellationToken.None);
        Assert.Equal(T0.AddSeconds(61), await LastUsedAsync(record.Id));

        // Another node that has not written it yet holds back while the store's time is recent, and writes once it is not.
        var other = NewStore();
        _time.Advance(TimeSpan.FromSeconds(30));
        await other.NoteUseAsync(record.Id, known: T0.AddSeconds(61), CancellationToken.None);
        Assert.Equal(T0.AddSeconds(61), await LastUsedAsync(record.Id));
        _time.Advance(TimeSpan.FromSeconds(31));
        await other.NoteUseAsync(record.Id, known: T0.AddSeconds(61), CancellationToken.None);
        Assert.Equal(T0.AddSeconds(122), await LastUsedAsync(record.Id));
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private CredentialStore NewStore() => new(
        _contexts,
        new AuditLog(_contexts, _time),
        Options.Create(new IngestOptions()),
        _time,
        NullLogger<CredentialStore>.Instance);

    private async Task<DateTimeOffset?> LastUsedAsync(long id)
    {
        await using var context = await _contexts.CreateDbContextAsync();
        return (await context.Set<AccessCredentialRecord>().AsNoTracking().SingleAsync(c => c.Id == id)).LastUsedAt;
    }
}
