using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage;

namespace ItssMonitor.Benchmarks.Evaluate;

/// <summary>
/// The estate the evaluate scenario measures: N services with a 99.9 % SLA (every other with a p95 objective), one
/// check each, 31 days of hourly rollups and the last 7 hours of raw samples at one a minute; one service in 100
/// is down for the last 10 minutes, so burn-rate alerts fire as they would in a real estate.
/// </summary>
internal sealed class EvaluateEstate(int services, DateTimeOffset now)
{
    private static readonly TimeSpan RawHistory = TimeSpan.FromHours(7);
    private static readonly TimeSpan RollupHistory = TimeSpan.FromDays(31);

    public MonitoringConfiguration Configuration { get; } = new(
        Enumerable.Range(0, services)
            .Select(i => new ServiceDefinition(
                Name(i),
                $"team-{i % 12:00}",
                [],
                [new CheckDefinition("http", CheckKinds.Http, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)) { Url = new Uri("http://127.0.0.1/") }],
                new ServiceSla(99.9, i % 2 == 0 ? 500 : null)))
            .ToList());

    public int Services => services;

    public long RollupCount => services * (long)RollupHistory.TotalHours;

    public long RawCount => services * (long)RawHistory.TotalMinutes;

    /// <summary>Writes the history in 5,000-point batches, two requests at a time.</summary>
    public async Task WriteAsync(ISampleStore store, CancellationToken cancellationToken)
    {
        var currentHour = HourlyRollup.HourOf(now);
        var days = Enumerable.Range(0, (int)RollupHistory.TotalDays).Select(day => currentHour - RollupHistory + TimeSpan.FromDays(day));
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (day, ct) =>
        {
            foreach (var batch in Rollups(day).Chunk(5_000))
            {
                await store.WriteRollupsAsync(batch, ct);
            }
        });
        var minutes = Enumerable.Range(1, (int)RawHistory.TotalMinutes).Chunk(10);
        await Parallel.ForEachAsync(minutes, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            foreach (var batch in chunk.SelectMany(Raw).Chunk(5_000))
            {
                await store.WriteAsync(batch, ct);
            }
        });
    }

    private IEnumerable<HourlyRollup> Rollups(DateTimeOffset day) =>
        Enumerable.Range(0, 24).SelectMany(hour => Enumerable.Range(0, services).Select(i =>
            new HourlyRollup(Name(i), "http", CheckKinds.Http, "", day.AddHours(hour), 60, (i + hour) % 200 == 0 ? 59 : 60, 40, 120 + (i % 7 * 60), 600)));

    private IEnumerable<Sample> Raw(int minutesAgo) =>
        Enumerable.Range(0, services).Select(i => (Sample)new CheckSample(
            Name(i), "http", CheckKinds.Http, "", now.AddMinutes(-minutesAgo), !(i % 100 == 0 && minutesAgo <= 10), 40 + (i * 7 + minutesAgo) % 500, 200, null));

    private static string Name(int i) => $"service-{i:0000}";
}
