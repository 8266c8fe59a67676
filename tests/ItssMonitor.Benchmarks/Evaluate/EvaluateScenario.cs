using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Server.Sla;
using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Alerts;
using ItssMonitor.TestServers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Benchmarks.Evaluate;

/// <summary>
/// Scenario <c>evaluate</c> (issue 5): one full tick of the sla-evaluation job (bulk queries, per-service arithmetic,
/// the verdict, the status upsert into SQLite) over an <see cref="EvaluateEstate"/> in a real InfluxDB, median of
/// several ticks, next to <see cref="BareQueries"/> measured in the same run. Goal: a tick in at most 5 s. The tick is
/// measured twice: its verdict counted only, and taken by the real <see cref="AlertEngine"/> on the SQLite relational
/// store (as the server runs it; after the first tick opened the alerts, a tick at the same instant changes nothing).
/// </summary>
internal static class EvaluateScenario
{
    public const string Command = "evaluate";

    private const double GoalSeconds = 5;
    private const int Runs = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var services = args is ["--services", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2_000;
        var now = DateTimeOffset.UtcNow;
        var estate = new EvaluateEstate(services, now);
        var influx = new InfluxDbServer();
        await influx.InitializeAsync();
        var work = Directory.CreateTempSubdirectory("itss-evaluate-bench-");
        try
        {
            await influx.CreateDatabaseAsync("bench");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var store = new InfluxSampleStore(http, new InfluxOptions { Url = influx.Url.ToString(), Database = "bench", Token = influx.Token, Org = influx.Org, Timeout = TimeSpan.FromMinutes(2) }, NullLogger<InfluxSampleStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);
            var writing = Stopwatch.StartNew();
            await estate.WriteAsync(store, CancellationToken.None);
            Console.WriteLine(Invariant($"evaluate: {services} services with SLAs; {estate.RollupCount:N0} hourly rollups (31 days) and {estate.RawCount:N0} raw samples (7 h, 1/min) written in {writing.Elapsed.TotalSeconds:0} s."));

            await using var relational = Relational(work.FullName);
            var contexts = relational.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
            await using (var context = await contexts.CreateDbContextAsync())
            {
                await RelationalSchema.CreateAsync(context, CancellationToken.None);
            }

            var signals = new CountingSignals();
            var job = Job(store, estate, signals, contexts, now);
            var engine = new AlertEngine(new AlertStore(contexts), Options.Create(new AlertingOptions()), Schedule(estate, contexts, now), [], new FixedTime(now), NullLogger<AlertEngine>.Instance);
            var engineSignals = new CountingSignals(engine);
            var engineJob = Job(store, estate, engineSignals, contexts, now);
            var bare = new BareQueries(http, influx.Url, "bench");

            // One of each first: JIT, connection pool, InfluxDB's caches, the first insert of every status row; the engine's first tick opens the alerts.
            await job.RunAsync(CancellationToken.None);
            await bare.RunAsync(now, CancellationToken.None);
            var opening = await TimeAsync(() => engineJob.RunAsync(CancellationToken.None));
            var ticks = new List<double>();
            var engineTicks = new List<double>();
            var baseline = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                baseline.Add(await TimeAsync(() => bare.RunAsync(now, CancellationToken.None)));
                ticks.Add(await TimeAsync(() => job.RunAsync(CancellationToken.None)));
                engineTicks.Add(await TimeAsync(() => engineJob.RunAsync(CancellationToken.None)));
            }

            var tick = Median(ticks);
            var engineTick = Median(engineTicks);
            var engineShare = Median(engineSignals.EngineMilliseconds[1..]);
            var floor = Median(baseline);
            Console.WriteLine();
            Console.WriteLine(Invariant($"alerts firing per tick: {signals.LastFiring}; the alert engine's first tick, opening them: {opening:0} ms"));
            Console.WriteLine(Invariant($"baseline (bare InfluxQL):        {floor:0} ms, runs {Listed(baseline)}"));
            Console.WriteLine(Invariant($"sla-evaluation tick:             {tick:0} ms, runs {Listed(ticks)}"));
            Console.WriteLine(Invariant($"tick with the real alert engine: {engineTick:0} ms, runs {Listed(engineTicks)}"));
            Console.WriteLine(Invariant($"  of which the engine's ReportAsync: {engineShare:0} ms, runs {Listed(engineSignals.EngineMilliseconds[1..])}"));
            Console.WriteLine();
            Console.WriteLine("| scenario | what is measured | baseline | result | ratio (goal) |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            var what = Invariant($"{services:N0} services with SLAs, 31 days of hourly rollups and 7 h of raw samples (1/min) in InfluxDB; windows 5m…30d, p95, budgets, forecast, {signals.LastFiring} alerts firing, status upsert (SQLite)");
            var against = Invariant($"the tick's InfluxQL statements sent straight to `/query`, same concurrency: {floor:0} ms");
            Console.WriteLine(Invariant($"| `evaluate` | one `sla-evaluation` tick, median of {Runs}: {what}; verdict counted only | {against} | {tick:0} ms | {Ratio(tick, floor)} |"));
            Console.WriteLine(Invariant($"| `evaluate` (engine) | the same tick with its verdict taken by the real `AlertEngine` on SQLite (alerts already open: the steady state; the first tick, opening them, took {opening:0} ms); the engine's `ReportAsync` alone: median {engineShare:0} ms | {against} | {engineTick:0} ms | {Ratio(engineTick, floor)} |"));
            return 0;
        }
        finally
        {
            await influx.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static SlaEvaluationJob Job(InfluxSampleStore store, EvaluateEstate estate, IAlertSignals signals, IDbContextFactory<MonitorDbContext> contexts, DateTimeOffset now) =>
        new(store, new FixedEstate(estate.Configuration), Schedule(estate, contexts, now), signals, new SlaStatusStore(contexts), new FixedTime(now), Options.Create(new SlaOptions()), NullLogger<SlaEvaluationJob>.Instance);

    private static MaintenanceSchedule Schedule(EvaluateEstate estate, IDbContextFactory<MonitorDbContext> contexts, DateTimeOffset now) =>
        new(new FixedEstate(estate.Configuration), new OperatorMaintenanceStore(contexts, new FixedTime(now), NullLogger<OperatorMaintenanceStore>.Instance));

    private static string Listed(List<double> values) => string.Join(", ", values.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)));

    private static string Ratio(double tick, double floor) =>
        Invariant($"{tick / floor:0.00}× the bare queries (goal ≤ {GoalSeconds:0} s: {(tick <= GoalSeconds * 1000 ? "met" : "MISSED")})");

    private static ServiceProvider Relational(string directory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = Path.Combine(directory, "relational.db") })
            .Build();
        return new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider();
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The estate's configuration, never changing.</summary>
    private sealed class FixedEstate(MonitoringConfiguration configuration) : IMonitoringConfigurationSource
    {
        public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);

        public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return await GetAsync(cancellationToken);
        }
    }

    /// <summary>The instant the history was written for, so every tick evaluates the same windows.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
