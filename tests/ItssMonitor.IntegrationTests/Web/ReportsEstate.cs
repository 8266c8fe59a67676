using ItssMonitor.Core.Samples;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Reports;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// The real server over a <see cref="ScriptedMonth"/>: its samples, hourly rollups and incidents are written to the
/// server's SQLite stores before it starts (raw retention long enough to keep them). The month is the latest whole
/// 30-day calendar month before today, so the scripted figures hold for <c>/reports?month=…</c>.
/// </summary>
public sealed class ReportsEstate : IAsyncLifetime
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("itss-reports-page-");
    private ServerProcess? _server;

    internal ScriptedMonth Month { get; } = new(ThirtyDayMonthBefore(DateTimeOffset.UtcNow));

    /// <summary>The month parameter of <see cref="Month"/>, e.g. 2026-09.</summary>
    public string MonthKey => Month.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public ServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = null!;

    public string PageOf(string query) => new Uri(Server.Url, "reports" + query).AbsoluteUri;

    public async Task InitializeAsync()
    {
        var monitoring = Path.Combine(_files.FullName, "monitoring.yaml");
        var samples = Path.Combine(_files.FullName, "samples.db");
        var relational = Path.Combine(_files.FullName, "relational.db");
        await File.WriteAllTextAsync(monitoring, Month.Yaml);
        await WriteSamplesAsync(samples);
        await SeedIncidentsAsync(relational);
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Monitoring__File"] = monitoring,
            ["Storage__Sqlite__Path"] = samples,
            ["Storage__Relational__Path"] = relational,
            ["Retention__RawDays"] = "400",
            // The reports page tests only read: anonymously, as on a closed NOC network.
            ["Auth__AnonymousViewer"] = "true",
        });
        Http = await Server.CreateClientAsync(TimeSpan.FromSeconds(60));
    }

    private static DateTimeOffset ThirtyDayMonthBefore(DateTimeOffset now)
    {
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);
        while (DateTime.DaysInMonth(month.Year, month.Month) != 30)
        {
            month = month.AddMonths(-1);
        }

        return month;
    }

    private async Task WriteSamplesAsync(string path)
    {
        var store = new SqliteSampleStore(new SqliteOptions { Path = path });
        await store.InitializeAsync(CancellationToken.None);
        foreach (var batch in Month.Samples().Chunk(5_000))
        {
            await store.WriteAsync(batch, CancellationToken.None);
        }

        // The trends read hourly rollups; the server's rollup job would compute the same, but not before the page is opened.
        var hours = new TimeWindow(Month.From.AddHours(-1), Month.To);
        await store.WriteRollupsAsync(await store.ComputeHourlyRollupsAsync(hours, CancellationToken.None), CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    private async Task SeedIncidentsAsync(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = path })
            .Build();
        await using var services = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            await RelationalSchema.CreateAsync(context, CancellationToken.None);
        }

        await Month.SeedIncidentsAsync(contexts);
        SqliteConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _files.Delete(recursive: true);
    }
}
