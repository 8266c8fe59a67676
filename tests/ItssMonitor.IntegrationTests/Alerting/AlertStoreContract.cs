using System.Text.Json;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>
/// What the relational alert store must do on every provider: restore alerts exactly, keep timelines, write only
/// what changed, and let two nodes change the same alerts at once without losing or doubling anything. Each
/// provider's test class derives from this and provides an empty database per test.
/// </summary>
public abstract class AlertStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AlertPolicy Policy = new(TimeSpan.FromHours(4), flapThreshold: 1, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    private DbContextOptions<MonitorDbContext> _options = null!;

    protected AlertStore Store { get; private set; } = null!;

    /// <summary>Options for a new, empty database of the provider under test (its tables are created here).</summary>
    protected abstract Task<DbContextOptions<MonitorDbContext>> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        _options = await CreateEmptyDatabaseAsync();
        await using (var context = new MonitorDbContext(_options))
        {
            await RelationalSchema.CreateAsync(context, CancellationToken.None);
        }

        Store = NewNode();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_alert_comes_back_exactly_as_the_book_left_it_flap_history_included()
    {
        var reference = new AlertBook(Policy);
        var signal = Signal("checkout", ("window 1h", "166.7×"), ("threshold", "14.4×"));
        // Fire, resolve and fire again twice: past the threshold of one re-opening, so it is flapping.
        Func<AlertBook, DateTimeOffset, AlertOutcome>[] steps =
        [
            (book, at) => book.Fire(signal, at),
            (book, at) => book.Resolve(signal.Fingerprint, at, "bob"),
            (book, at) => book.Fire(signal, at),
            (book, at) => book.Resolve(signal.Fingerprint, at),
            (book, at) => book.Fire(signal, at),
            (book, at) => book.Acknowledge(signal.Fingerprint, "alice", at),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            var at = T0.AddMinutes(i * 5);
            steps[i](reference, at);
            await Store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [steps[i](book, at)], None);
        }

        var expected = reference.Find(signal.Fingerprint)!;
        Assert.True(expected.IsFlapping);
        Assert.Equal(Describe(expected), Describe((await Store.FindAsync(signal.Fingerprint.Id, None))!));
    }

    [Fact]
    public async Task An_incident_timeline_keeps_every_event_in_order_with_who_and_why()
    {
        var signal = Signal("ledger");
        await Store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [book.Fire(signal, T0)], None);
        await Store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [book.Acknowledge(signal.Fingerprint, "alice", T0.AddMinutes(3))], None);
        await Store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [book.Resolve(signal.Fingerprint, T0.AddMinutes(9))], None);

        var timeline = await Store.TimelineAsync(signal.Fingerprint, 1, None);

        Assert.Equal(
        [
            new AlertEvent(signal.Fingerprint, 1, AlertEventKind.Opened, T0, null, signal.Summary),
            new AlertEvent(signal.Fingerprint, 1, AlertEventKind.Notified, T0),
            new AlertEvent(signal.Fingerprint, 1, AlertEventKind.Acknowledged, T0.AddMinutes(3), "alice"),
            new AlertEvent(signal.Fingerprint, 1, AlertEventKind.Resolved, T0.AddMinutes(9)),
        ], timeline);
    }

    [Fact]
    public async Task A_verdict_repeated_unchanged_writes_no_row_and_announces_nothing()
    {
        var signals = Enumerable.Range(0, 50).Select(i => Signal($"service-{i:00}")).ToList();
        var first = await Report(signals, T0);
        var versions = await VersionsAsync();

        var again = await Report(signals, T0);

        Assert.Equal(50, first.Count);
        Assert.Empty(again);
        Assert.Equal(versions, await VersionsAsync());
    }

    [Fact]
    public async Task A_verdict_clears_the_open_alerts_of_its_rules_that_it_no_longer_contains()
    {
        var kept = Signal("kept");
        var gone = Signal("gone");
        var otherRule = Signal("other", rule: "cert-expiry");
        await Report([kept, gone], T0);
        await Store.ChangeAsync(AlertSelection.OfIds([otherRule.Fingerprint.Id]), Policy, book => [book.Fire(otherRule, T0)], None);

        var outcomes = await Report([kept], T0.AddMinutes(1));

        Assert.Equal([gone.Fingerprint], outcomes.Select(o => o.Alert!.Fingerprint));
        Assert.Equal(AlertState.Resolved, (await Store.FindAsync(gone.Fingerprint.Id, None))!.State);
        Assert.Equal(AlertState.Firing, (await Store.FindAsync(kept.Fingerprint.Id, None))!.State);
        Assert.Equal(AlertState.Firing, (await Store.FindAsync(otherRule.Fingerprint.Id, None))!.State);
    }

    [Fact]
    public async Task Lists_alerts_by_state_and_service_worst_first_then_oldest()
    {
        var warning = Signal("a", severity: AlertSeverity.Warning);
        var criticalNewer = Signal("b");
        var criticalOlder = Signal("c");
        var resolved = Signal("d");
        await Store.ChangeAsync(AlertSelection.Open, Policy, book =>
        [
            book.Fire(warning, T0),
            book.Fire(criticalNewer, T0.AddMinutes(2)),
            book.Fire(criticalOlder, T0.AddMinutes(1)),
            book.Fire(resolved, T0),
            book.Resolve(resolved.Fingerprint, T0.AddMinutes(3)),
        ], None);

        var open = await Store.ListAsync([AlertState.Firing, AlertState.Acknowledged], null, None);
        var ofB = await Store.ListAsync([AlertState.Firing], "b", None);
        var done = await Store.ListAsync([AlertState.Resolved], null, None);

        Assert.Equal(["c", "b", "a"], open.Select(a => a.Service));
        Assert.Equal(["b"], ofB.Select(a => a.Service));
        Assert.Equal(["d"], done.Select(a => a.Service));
    }

    [Fact]
    public async Task Incidents_are_those_opened_in_the_range_with_their_whole_timelines()
    {
        var signal = Signal("search");
        var other = Signal("mail");
        var id = AlertSelection.OfIds([signal.Fingerprint.Id, other.Fingerprint.Id]);
        await Store.ChangeAsync(id, Policy, book => [book.Fire(signal, T0), book.Resolve(signal.Fingerprint, T0.AddMinutes(30))], None);
        await Store.ChangeAsync(id, Policy, book => [book.Fire(signal, T0.AddHours(2)), book.Fire(other, T0.AddHours(2))], None);
        await Store.ChangeAsync(id, Policy, book => [book.Resolve(signal.Fingerprint, T0.AddHours(5))], None);

        var history = await Store.IncidentsAsync(T0.AddHours(1), T0.AddHours(3), "search", None);

        Assert.Equal([signal.Fingerprint], history.Alerts.Select(a => a.Fingerprint));
        Assert.Equal(
            [(2, AlertEventKind.Opened), (2, AlertEventKind.Notified), (2, AlertEventKind.Resolved)],
            history.Events.Select(e => (e.Occurrence, e.Kind)));
    }

    [Fact]
    public async Task Two_nodes_raising_the_same_alert_at_once_make_one_alert_and_one_opened_event()
    {
        var signal = Signal("payments");
        var bothLoaded = new Barrier(2);

        await Task.WhenAll(Node(Store), Node(NewNode()));

        var alert = await Store.FindAsync(signal.Fingerprint.Id, None);
        Assert.Equal(1, alert!.Occurrence);
        var timeline = await Store.TimelineAsync(signal.Fingerprint, 1, None);
        Assert.Equal([AlertEventKind.Opened, AlertEventKind.Notified], timeline.Select(e => e.Kind));

        Task Node(AlertStore node)
        {
            var attempt = 0;
            return Task.Run(() => node.ChangeAsync(AlertSelection.OfRules(["burn-rate/page-1h"]), Policy, book =>
            {
                // Both decide on the same (empty) rows before either saves, so one of them must lose and decide again.
                if (attempt++ == 0)
                {
                    Assert.True(bothLoaded.SignalAndWait(TimeSpan.FromSeconds(30)), "the other node never loaded its rows");
                }

                return [book.Fire(signal, T0)];
            }, None));
        }
    }

    [Fact]
    public async Task Two_nodes_acknowledging_at_once_record_one_acknowledgement()
    {
        var signal = Signal("ledger");
        await Store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [book.Fire(signal, T0)], None);
        var bothLoaded = new Barrier(2);

        var outcomes = await Task.WhenAll(Node(Store, "alice"), Node(NewNode(), "bob"));

        var acknowledgements = (await Store.TimelineAsync(signal.Fingerprint, 1, None)).Where(e => e.Kind == AlertEventKind.Acknowledged).ToList();
        var winner = Assert.Single(acknowledgements).Actor;
        Assert.Equal(winner, (await Store.FindAsync(signal.Fingerprint.Id, None))!.AcknowledgedBy);
        Assert.Single(outcomes, announced => announced.Count == 1);

        Task<IReadOnlyList<AlertOutcome>> Node(AlertStore node, string by)
        {
            var attempt = 0;
            return Task.Run(() => node.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book =>
            {
                if (attempt++ == 0)
                {
                    Assert.True(bothLoaded.SignalAndWait(TimeSpan.FromSeconds(30)), "the other node never loaded its rows");
                }

                return [book.Acknowledge(signal.Fingerprint, by, T0.AddMinutes(1))];
            }, None));
        }
    }

    private static AlertSignal Signal(string service, params (string Key, string Value)[] evidence) =>
        Signal(service, AlertSeverity.Critical, "burn-rate/page-1h", evidence);

    private static AlertSignal Signal(string service, AlertSeverity severity = AlertSeverity.Critical, string rule = "burn-rate/page-1h", params (string Key, string Value)[] evidence) =>
        new(AlertFingerprint.For(rule, service), service, severity, $"{service} burns its error budget", evidence.ToDictionary(e => e.Key, e => e.Value));

    private static string Describe(Alert alert) => JsonSerializer.Serialize(alert with { Evidence = new SortedDictionary<string, string>(alert.Evidence.ToDictionary()) });

    [Fact]
    public async Task Its_tables_are_created_in_a_database_that_already_holds_others_and_creating_them_again_keeps_the_data()
    {
        // In production Hangfire's tables may share the database: EF Core's EnsureCreated would then create nothing.
        var shared = await CreateEmptyDatabaseAsync();
        await using (var context = new MonitorDbContext(shared))
        {
            var database = context.GetService<IRelationalDatabaseCreator>();
            if (!await database.ExistsAsync(None))
            {
                await database.CreateAsync(None);
            }

            await context.Database.ExecuteSqlRawAsync("CREATE TABLE someone_elses_jobs (id integer)");
            await RelationalSchema.CreateAsync(context, None);
        }

        var store = new AlertStore(new PooledDbContextFactory<MonitorDbContext>(shared));
        var signal = Signal("checkout");
        await store.ChangeAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), Policy, book => [book.Fire(signal, T0)], None);
        await using (var context = new MonitorDbContext(shared))
        {
            await RelationalSchema.CreateAsync(context, None);
        }

        Assert.Equal(AlertState.Firing, (await store.FindAsync(signal.Fingerprint.Id, None))!.State);
    }

    private AlertStore NewNode() => new(new PooledDbContextFactory<MonitorDbContext>(_options));

    private Task<IReadOnlyList<AlertOutcome>> Report(IReadOnlyList<AlertSignal> firing, DateTimeOffset at) =>
        Store.ChangeAsync(AlertSelection.OfRules(["burn-rate/page-1h"]), Policy, book =>
        {
            var outcomes = firing.Select(signal => book.Fire(signal, at)).ToList();
            var firingNow = firing.Select(s => s.Fingerprint).ToHashSet();
            var gone = book.Alerts.Where(a => a.State != AlertState.Resolved && a.Fingerprint.Rule == "burn-rate/page-1h" && !firingNow.Contains(a.Fingerprint)).ToList();
            outcomes.AddRange(gone.Select(a => book.Resolve(a.Fingerprint, at)));
            return outcomes;
        }, None);

    private async Task<Dictionary<string, int>> VersionsAsync()
    {
        await using var context = new MonitorDbContext(_options);
        return await context.Set<AlertRecord>().ToDictionaryAsync(a => a.Id, a => a.Version);
    }
}
