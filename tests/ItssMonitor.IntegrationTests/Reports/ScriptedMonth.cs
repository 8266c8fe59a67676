using System.Globalization;
using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Alerts;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>
/// Thirty days of samples with known outages, a maintenance window and a gap, and the report's figures worked out
/// by hand. Ledger has two push checks (health, db) sampled every 60 s, failuresBeforeDown 2 and the
/// 5 s timeout a push check gets, so a check is missing data after 2 × 60 + 5 = 125 s of silence; Archive has one check every 5 min and never fails.
/// </summary>
internal sealed class ScriptedMonth(DateTimeOffset from)
{
    public const double RangeSeconds = 30 * 86_400; // 2,592,000

    // A (day 1, 10:00-10:09, both checks fail, up at 10:10): down 10:00:00-10:10:00 = 600 s.
    // B (day 2, 12:00-12:19, only health fails): degraded, not down = 0 s.
    // C (day 3, 08:00, both fail one sample, below the confirmation of 2): not down = 0 s.
    // D (day 4, 03:00-03:02, both fail, up at 03:03): confirmed at 03:01, down from the run's first sample 03:00:00 to 03:03:00 = 180 s.
    // E (day 5): maintenance 02:00-03:00 (3,600 s); both fail 02:10-02:40 inside it (excluded) and 02:50-03:04, up at 03:05:
    //   down 02:50-03:05, of which 03:00:00-03:05:00 is outside maintenance = 300 s.
    // F (day 6): no sample of either check from 14:00 to 14:59; last 13:59:00, next 15:00:00: gap 3,660 s > 125 s, all missing data.
    public const double DowntimeSeconds = 600 + 180 + 300; // 1,080 s = 18 min 0 s
    public const double MaintenanceSeconds = 3_600;
    public const double MissingDataSeconds = 3_660;
    public const double MeasuredSeconds = RangeSeconds - MaintenanceSeconds - MissingDataSeconds; // 2,584,740

    // 1,080 / 2,584,740 = 0.000417837 (0.00041783699…): availability 99.9582163 %; budget left 1 − 0.417837 = 58.2163 %.
    public const string AvailabilityPercent = "99.9582";
    public const string BudgetLeftPercent = "58.2163";

    // Latency 100 ms, except health on days 7-10 at 250 ms (5,760 samples). Outside maintenance and the gap each check has
    // 43,200 − 60 − 60 = 43,080 samples, 86,160 together, 58 of them failed without latency (A 20, B 20, C 2, D 6, E 10):
    // 86,102 latencies, 80,342 of 100 ms; the nearest rank ⌈0.95 × 86,102⌉ = 81,797 is above 80,342, so p95 = 250 ms.
    public const double LatencyP95Ms = 250;

    // Incidents opened in the range: one acknowledged after 120 s and resolved after 600 s, one resolved after 240 s
    // unacknowledged; one opened the day before the range is not counted. MTTA 120 s, MTTR (600 + 240) / 2 = 420 s.
    public const int Incidents = 2;
    public const int Acknowledged = 1;
    public const int Resolved = 2;
    public const double MttaSeconds = 120;
    public const double MttrSeconds = 420;

    // Summary: both met; overall 1 − 1,080 / (2,584,740 + 2,592,000) = 99.9791 %.
    public const string OverallPercent = "99.9791";

    public DateTimeOffset From { get; } = from;

    public DateTimeOffset To => From.AddDays(30);

    public string Yaml => $$"""
        services:
          - name: Ledger
            team: finance
            sla: { availability: 99.9, latencyP95Ms: 300 }
            checks:
              - { name: health, kind: push, interval: 60s, failuresBeforeDown: 2 }
              - { name: db, kind: push, interval: 60s, failuresBeforeDown: 2 }
          - name: Archive
            team: records
            sla: { availability: 99.5 }
            checks:
              - { name: disk, kind: push, interval: 5m }
        maintenance:
          - { name: "DB upgrade", services: [Ledger], start: "{{Iso(Day(5, 2))}}", end: "{{Iso(Day(5, 3))}}" }
        """;

    public MonitoringConfiguration Configuration()
    {
        var parsed = MonitoringFileParser.Parse(Yaml, "monitoring.yaml");
        return parsed.Configuration ?? throw new InvalidOperationException("The scripted monitoring file does not parse: " + string.Join("; ", parsed.Errors));
    }

    /// <summary>Every sample from an hour before the range to its end (the report reads a little before it).</summary>
    public IReadOnlyList<CheckSample> Samples()
    {
        var samples = new List<CheckSample>();
        for (var at = From.AddHours(-1); at < To; at = at.AddMinutes(1))
        {
            // F: Ledger silent for an hour (Archive goes on).
            var silent = at >= Day(6, 14) && at < Day(6, 15);
            foreach (var check in silent ? [] : new[] { "health", "db" })
            {
                var up = !Fails(check, at);
                var latency = check == "health" && at >= Day(7, 0) && at < Day(11, 0) ? 250 : 100;
                samples.Add(new CheckSample("Ledger", check, "push", "", at, up, up ? latency : null, null, up ? null : "scripted failure"));
            }

            if (at.Minute % 5 == 0)
            {
                samples.Add(new CheckSample("Archive", "disk", "push", "", at, true, 20));
            }
        }

        return samples;
    }

    public async Task SeedIncidentsAsync(IDbContextFactory<MonitorDbContext> contexts)
    {
        var store = new AlertStore(contexts);
        var policy = new AlertPolicy(TimeSpan.FromHours(4), flapThreshold: 3, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var signal = new AlertSignal(AlertFingerprint.For("service-down", "Ledger"), "Ledger", AlertSeverity.Critical, "Ledger is down", new Dictionary<string, string>());
        async Task Change(Func<AlertBook, AlertOutcome> change) =>
            await store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), policy, book => [change(book)], CancellationToken.None);

        await Change(book => book.Fire(signal, From.AddDays(-1)));
        await Change(book => book.Resolve(signal.Fingerprint, From.AddDays(-1).AddMinutes(5)));
        await Change(book => book.Fire(signal, Day(1, 10).AddSeconds(30)));
        await Change(book => book.Acknowledge(signal.Fingerprint, "alice", Day(1, 10).AddSeconds(150)));
        await Change(book => book.Resolve(signal.Fingerprint, Day(1, 10).AddSeconds(630)));
        await Change(book => book.Fire(signal, Day(4, 3).AddMinutes(1)));
        await Change(book => book.Resolve(signal.Fingerprint, Day(4, 3).AddMinutes(5)));
    }

    private bool Fails(string check, DateTimeOffset at) =>
        Between(at, Day(1, 10), Day(1, 10).AddMinutes(10))
        || (check == "health" && Between(at, Day(2, 12), Day(2, 12).AddMinutes(20)))
        || at == Day(3, 8)
        || Between(at, Day(4, 3), Day(4, 3).AddMinutes(3))
        || Between(at, Day(5, 2).AddMinutes(10), Day(5, 2).AddMinutes(41))
        || Between(at, Day(5, 2).AddMinutes(50), Day(5, 3).AddMinutes(5));

    private static bool Between(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to) => at >= from && at < to;

    private DateTimeOffset Day(int day, int hour) => From.AddDays(day).AddHours(hour);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
