using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage;
using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Sqlite;
using ItssMonitor.TestServers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>A fresh sample store of either kind (a database of its own on the shared InfluxDB, or a SQLite file) and a SQLite relational store.</summary>
internal sealed class EvaluationStores : IAsyncDisposable
{
    public const string Influx = "influx";
    public const string Sqlite = "sqlite";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-evaluation-");
    private readonly HttpClient _http = new();
    private ServiceProvider? _relational;

    public ISampleStore Samples { get; private set; } = null!;

    public IDbContextFactory<MonitorDbContext> Relational { get; private set; } = null!;

    public static async Task<EvaluationStores> CreateAsync(string kind, InfluxDbServer influx)
    {
        var stores = new EvaluationStores();
        if (kind == Influx)
        {
            var database = TestData.UniqueName("evaluation");
            await influx.CreateDatabaseAsync(database);
            stores.Samples = new InfluxSampleStore(
                stores._http,
                new InfluxOptions { Url = influx.Url.ToString(), Database = database, Token = influx.Token, Org = influx.Org },
                NullLogger<InfluxSampleStore>.Instance);
        }
        else
        {
            stores.Samples = new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(stores._directory.FullName, "samples.db") });
        }

        await stores.Samples.InitializeAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = Path.Combine(stores._directory.FullName, "relational.db") })
            .Build();
        stores._relational = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider();
        stores.Relational = stores._relational.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        await using var context = await stores.Relational.CreateDbContextAsync();
        await RelationalSchema.CreateAsync(context, CancellationToken.None);
        return stores;
    }

    /// <summary>Writes in batches of the size the sample writer uses, as a long scripted history is too big for one request.</summary>
    public async Task WriteAsync(IReadOnlyList<Core.Samples.Sample> samples)
    {
        foreach (var batch in samples.Chunk(5_000))
        {
            await Samples.WriteAsync(batch, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_relational is not null)
        {
            await _relational.DisposeAsync();
        }

        _http.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
