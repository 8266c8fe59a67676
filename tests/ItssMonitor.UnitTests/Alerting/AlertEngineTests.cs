using System.Runtime.CompilerServices;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Alerts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.UnitTests.Alerting;

/// <summary>
/// The engine's own rules over a SQLite file: maintenance silences, a job's verdict raises and clears, listeners are
/// told about stored changes and one failing does not stop the others, the review re-fires on the clock.
/// </summary>
public sealed class AlertEngineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 20, 1, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-engine-");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly Recording _listener = new();
    private AlertStore _store = null!;
    private OperatorMaintenanceStore _operators = null!;

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={Path.Combine(_directory.FullName, "alerts.db")}").Options;
        await using (var context = new MonitorDbContext(options))
        {
            await RelationalSchema.CreateAsync(context, CancellationToken.None);
        }

        var contexts = new PooledDbContextFactory<MonitorDbContext>(options);
        _store = new AlertStore(contexts);
        _operators = new OperatorMaintenanceStore(contexts, _time, NullLogger<OperatorMaintenanceStore>.Instance);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_signal_for_a_service_in_maintenance_is_not_raised()
    {
        var engine = Engine(maintenance: new FixedMaintenanceWindow("DB upgrade", ["Ledger"], new TimeWindow(T0.AddHours(1), T0.AddHours(2))));
        _time.Advance(TimeSpan.FromHours(1.5));

        await engine.RaiseAsync(Signal("Ledger"), None);
        await engine.RaiseAsync(Signal("Search"), None);

        Assert.Null(await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None));
        Assert.NotNull(await engine.FindAsync(Signal("Search").Fingerprint.Id, None));
        Assert.Equal(["Search"], _listener.Outcomes.Select(o => o.Alert!.Service));
    }

    [Fact]
    public async Task A_window_an_operator_set_silences_like_the_files_and_ending_it_early_lets_signals_through()
    {
        var engine = Engine();
        var window = await _operators.StartAsync(["Ledger"], T0, T0.AddHours(2), "disk swap", "olga", None);
        _time.Advance(TimeSpan.FromMinutes(30));

        await engine.RaiseAsync(Signal("Ledger"), None);
        Assert.Null(await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None));

        await _operators.EndAsync(window.Id, "olga", None);
        await engine.RaiseAsync(Signal("Ledger"), None);
        Assert.NotNull(await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None));
    }

    [Fact]
    public async Task A_verdict_in_maintenance_neither_raises_nor_clears_the_services_alert()
    {
        var engine = Engine(maintenance: new FixedMaintenanceWindow("DB upgrade", ["Ledger"], new TimeWindow(T0.AddHours(1), T0.AddHours(2))));
        await engine.ReportAsync(["burn-rate/page-1h"], [Signal("Ledger")], None);
        _time.Advance(TimeSpan.FromHours(1.5));

        await engine.ReportAsync(["burn-rate/page-1h"], [Signal("Ledger")], None);

        Assert.Equal(AlertState.Firing, (await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None))!.State);
        Assert.Single(_listener.Outcomes);
    }

    [Fact]
    public async Task A_verdict_raises_what_it_contains_and_clears_the_rest_of_its_rules()
    {
        var engine = Engine();
        await engine.ReportAsync(["burn-rate/page-1h"], [Signal("Ledger"), Signal("Search")], None);
        await engine.RaiseAsync(Signal("Mail", rule: "cert-expiry"), None);
        _time.Advance(TimeSpan.FromMinutes(1));

        await engine.ReportAsync(["burn-rate/page-1h"], [Signal("Search")], None);

        Assert.Equal(AlertState.Resolved, (await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None))!.State);
        Assert.Equal(AlertState.Firing, (await engine.FindAsync(Signal("Search").Fingerprint.Id, None))!.State);
        Assert.Equal(AlertState.Firing, (await engine.FindAsync(Signal("Mail", rule: "cert-expiry").Fingerprint.Id, None))!.State);
        Assert.Equal(
            [("Ledger", true), ("Search", true), ("Mail", true), ("Ledger", false)],
            _listener.Outcomes.Select(o => (o.Alert!.Service, o.Notify)));
    }

    [Fact]
    public async Task A_failing_listener_does_not_keep_the_change_from_the_others_or_undo_it()
    {
        var engine = Engine(new Failing(), _listener);

        await engine.RaiseAsync(Signal("Ledger"), None);

        Assert.Single(_listener.Outcomes);
        Assert.NotNull(await engine.FindAsync(Signal("Ledger").Fingerprint.Id, None));
    }

    [Fact]
    public async Task The_review_refires_what_nobody_acknowledged_once_the_refire_time_has_come()
    {
        var engine = Engine();
        await engine.RaiseAsync(Signal("Ledger"), None);
        await engine.RaiseAsync(Signal("Search"), None);
        await engine.AcknowledgeAsync(Signal("Search").Fingerprint.Id, "alice", "on it", None);
        _time.Advance(TimeSpan.FromHours(3));
        await engine.ReviewAsync(None);
        var before = _listener.Outcomes.Count;

        _time.Advance(TimeSpan.FromHours(1));
        await engine.ReviewAsync(None);

        var refired = Assert.Single(_listener.Outcomes.Skip(before));
        Assert.Equal("Ledger", refired.Alert!.Service);
        Assert.True(refired.Notify);
        Assert.Contains(refired.Events, e => e.Kind == AlertEventKind.Refired);
    }

    [Fact]
    public async Task An_acknowledgement_keeps_its_note_in_the_timeline_and_an_unknown_id_is_null()
    {
        var engine = Engine();
        var signal = Signal("Ledger");
        await engine.RaiseAsync(signal, None);

        var acknowledged = await engine.AcknowledgeAsync(signal.Fingerprint.Id, "alice", "restarting the pool", None);
        var unknown = await engine.AcknowledgeAsync("0000000000000000", "alice", null, None);

        Assert.Equal("alice", acknowledged!.Alert!.AcknowledgedBy);
        Assert.Null(unknown);
        var timeline = await _store.TimelineAsync(signal.Fingerprint, 1, None);
        Assert.Equal(new AlertEvent(signal.Fingerprint, 1, AlertEventKind.Acknowledged, T0, "alice", "restarting the pool"), timeline[^1]);
    }

    [Fact]
    public void Bad_alerting_options_are_refused_naming_the_key()
    {
        var options = new AlertingOptions { RefireAfter = TimeSpan.Zero, FlapThreshold = -1 };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal(["Alerting:RefireAfter must be longer than zero, e.g. '01:00:00' (got 00:00:00).", "Alerting:FlapThreshold must be 0 or more (got -1)."], errors);
    }

    private static AlertSignal Signal(string service, string rule = "burn-rate/page-1h") =>
        new(AlertFingerprint.For(rule, service), service, AlertSeverity.Critical, $"{service} burns its budget", new Dictionary<string, string> { ["window 1h"] = "20×" });

    private AlertEngine Engine(params IAlertListener[] listeners) => Engine(null, listeners);

    private AlertEngine Engine(MaintenanceWindow? maintenance, params IAlertListener[] listeners) => new(
        _store,
        Options.Create(new AlertingOptions()),
        new MaintenanceSchedule(new Configuration(new MonitoringConfiguration([]) { Maintenance = new MaintenanceCalendar(maintenance is null ? [] : [maintenance]) }), _operators),
        listeners.Length == 0 ? [_listener] : listeners,
        _time,
        NullLogger<AlertEngine>.Instance);

    private sealed class Configuration(MonitoringConfiguration configuration) : IMonitoringConfigurationSource
    {
        public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);

        public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return await GetAsync(cancellationToken);
        }
    }

    private sealed class Recording : IAlertListener
    {
        public List<AlertOutcome> Outcomes { get; } = [];

        public Task OnAlertChangedAsync(AlertOutcome outcome, CancellationToken cancellationToken)
        {
            Outcomes.Add(outcome);
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IAlertListener
    {
        public Task OnAlertChangedAsync(AlertOutcome outcome, CancellationToken cancellationToken) => throw new InvalidOperationException("webhook down");
    }
}
