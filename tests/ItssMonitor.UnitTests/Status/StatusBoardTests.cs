using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;

namespace ItssMonitor.UnitTests.Status;

public sealed class StatusBoardTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly StatusBoard _board = new();

    public StatusBoardTests() => _board.Configure(
        new MonitoringConfiguration(
        [
            new ServiceDefinition("Payments", "payments", [], [
                new CheckDefinition("health", CheckKinds.Http, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)),
                new CheckDefinition("batch", CheckKinds.Push, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5)),
            ]),
        ]),
        T0);

    [Fact]
    public void Every_configured_check_starts_unknown()
    {
        Assert.All(Checks(), status => Assert.Equal(CheckState.Unknown, status.State));
        Assert.Equal(["batch", "health"], Checks().Select(s => s.Check));
    }

    [Fact]
    public void A_confirmed_failure_is_one_transition_with_its_time_and_reason()
    {
        Assert.Equal(CheckState.Up, _board.Observe(Health(0, up: true))!.To);
        Assert.Null(_board.Observe(Health(10, up: false)));

        var down = _board.Observe(Health(20, up: false, error: "HTTP 503"));

        Assert.Equal(new CheckTransition("Payments", "health", CheckState.Up, CheckState.Down, T0.AddSeconds(20), "HTTP 503"), down);
        var status = Checks().Single(s => s.Check == "health");
        Assert.Equal((CheckState.Down, T0.AddSeconds(20), "HTTP 503"), (status.State, status.Since, status.Error));
    }

    [Fact]
    public void A_replayed_older_sample_changes_nothing()
    {
        _board.Observe(Health(20, up: true));

        Assert.Null(_board.Observe(Health(10, up: false)));
        Assert.Null(_board.Observe(Health(15, up: false)));
        Assert.Equal(CheckState.Up, Checks().Single(s => s.Check == "health").State);
    }

    [Fact]
    public void A_push_check_goes_stale_after_its_interval_and_a_probed_one_after_twice_its_interval()
    {
        _board.Observe(Health(0, up: true));
        _board.Observe(new CheckSample("Payments", "batch", CheckKinds.Push, "", T0, true));

        Assert.Empty(_board.MarkStale(T0.AddSeconds(20)));
        Assert.Equal("health", Assert.Single(_board.MarkStale(T0.AddSeconds(21))).Check);
        var batch = Assert.Single(_board.MarkStale(T0.AddMinutes(5).AddSeconds(1)));
        Assert.Equal((CheckState.Up, CheckState.Stale), (batch.From, batch.To));
        Assert.Empty(_board.MarkStale(T0.AddMinutes(10)));
    }

    [Fact]
    public void A_sample_after_silence_brings_a_stale_check_back()
    {
        _board.MarkStale(T0.AddMinutes(1));

        var back = _board.Observe(Health(61, up: true));

        Assert.Equal((CheckState.Stale, CheckState.Up), (back!.From, back.To));
    }

    [Fact]
    public void A_reload_keeps_the_state_of_unchanged_checks_and_forgets_removed_ones()
    {
        _board.Observe(Health(0, up: true));

        _board.Configure(
            new MonitoringConfiguration([new ServiceDefinition("Payments", "payments", [], [new CheckDefinition("health", CheckKinds.Http, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2))])]),
            T0.AddSeconds(5));

        Assert.Equal(CheckState.Up, Assert.Single(Checks()).State);
    }

    [Fact]
    public void Samples_for_undeclared_checks_are_tracked_too()
    {
        _board.Observe(new CheckSample("Nightly", "export", CheckKinds.Push, "", T0, true));

        Assert.Contains(Checks(), s => s is { Service: "Nightly", State: CheckState.Up });
    }

    [Fact]
    public void A_service_rolls_up_from_its_checks_and_carries_latency_availability_and_trend()
    {
        _board.Observe(Health(0, up: true));
        _board.Observe(new CheckSample("Payments", "batch", CheckKinds.Push, "", T0.AddSeconds(1), true));
        var up = Service(T0.AddSeconds(1));
        Assert.Equal((ServiceState.Up, 12.0, 1.0), (up.State, up.LatencyMs, up.Availability24h));
        Assert.Equal([12.0, 12.0], up.LatencyTrend);

        _board.Observe(Health(10, up: false));
        _board.Observe(Health(20, up: false));
        var degraded = Service(T0.AddSeconds(20));
        Assert.Equal((ServiceState.Degraded, T0.AddSeconds(20)), (degraded.State, degraded.Since));
        Assert.Equal(0.5, degraded.Availability24h);
    }

    [Fact]
    public void Changes_are_taken_once_each_with_the_latest_state()
    {
        _board.TakeChanges(T0);

        _board.Observe(Health(0, up: true));
        _board.Observe(Health(10, up: true));

        var change = Assert.Single(_board.TakeChanges(T0.AddSeconds(10)));
        Assert.Equal((ServiceState.Up, T0.AddSeconds(10)), (change.State, change.UpdatedAt));
        Assert.Empty(_board.TakeChanges(T0.AddSeconds(11)));
    }

    [Fact]
    public void The_snapshot_puts_the_worst_service_first()
    {
        _board.Configure(
            new MonitoringConfiguration(
            [
                new ServiceDefinition("Fine", "t", [], [new CheckDefinition("c", CheckKinds.Http, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)) { FailuresBeforeDown = 1 }]),
                new ServiceDefinition("Broken", "t", [], [new CheckDefinition("c", CheckKinds.Http, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)) { FailuresBeforeDown = 1 }]),
            ]),
            T0);

        _board.Observe(new CheckSample("Fine", "c", CheckKinds.Http, "", T0, true));
        _board.Observe(new CheckSample("Broken", "c", CheckKinds.Http, "", T0, false));

        Assert.Equal(["Broken", "Fine"], _board.Snapshot(T0).Select(s => s.Service));
    }

    private ServiceStatus Service(DateTimeOffset now) => _board.Snapshot(now).Single(s => s.Service == "Payments");

    [Fact]
    public void A_relayed_sample_updates_the_board_but_is_not_a_change_to_send()
    {
        _board.Observe(Health(0, up: true));
        _board.TakeChanges(T0);

        _board.ObserveRelayed(Health(10, up: false, error: "HTTP 503"));
        _board.ObserveRelayed(Health(20, up: false, error: "HTTP 503"));

        Assert.Empty(_board.TakeChanges(T0.AddSeconds(21)));
        var service = Assert.Single(_board.Snapshot(T0.AddSeconds(21)));
        // One of two checks down: the service is degraded, on this node as on the node that probed it.
        Assert.Equal(ServiceState.Degraded, service.State);
        Assert.Equal((CheckState.Down, "HTTP 503"), (service.Checks.Single(s => s.Check == "health").State, service.Checks.Single(s => s.Check == "health").Error));
        // An older relayed sample (a replay, or one overtaken on the way) is ignored like any other.
        _board.ObserveRelayed(Health(15, up: true));
        Assert.Equal(CheckState.Down, Checks().Single(s => s.Check == "health").State);

        // This node's own next sample still announces the service, with the relayed state included.
        _board.Observe(new CheckSample("Payments", "batch", CheckKinds.Push, "", T0.AddSeconds(30), true));
        var change = Assert.Single(_board.TakeChanges(T0.AddSeconds(31)));
        Assert.Equal((ServiceState.Degraded, CheckState.Down), (change.State, change.Checks.Single(s => s.Check == "health").State));
    }

    [Fact]
    public void Relayed_changes_are_handed_out_for_pages_apart_from_the_announced_ones_and_once()
    {
        _board.Observe(Health(0, up: true));
        _board.TakeChanges(T0);
        _board.TakeRelayedChanges(T0);

        _board.ObserveRelayed(Health(10, up: false, error: "HTTP 503"));
        _board.ObserveRelayed(Health(15, up: false, error: "HTTP 503"));

        Assert.Empty(_board.TakeChanges(T0.AddSeconds(11)));
        var relayed = Assert.Single(_board.TakeRelayedChanges(T0.AddSeconds(11)));
        Assert.Equal(ServiceState.Degraded, relayed.State);
        Assert.Empty(_board.TakeRelayedChanges(T0.AddSeconds(12)));

        // A service announced in the same round is handed out once, as an announced change carrying the relayed state.
        _board.ObserveRelayed(Health(20, up: true));
        _board.Observe(new CheckSample("Payments", "batch", CheckKinds.Push, "", T0.AddSeconds(21), true));
        var announced = Assert.Single(_board.TakeChanges(T0.AddSeconds(22)));
        Assert.Equal(CheckState.Up, announced.Checks.Single(s => s.Check == "health").State);
        Assert.Empty(_board.TakeRelayedChanges(T0.AddSeconds(22)));
    }

    private IReadOnlyList<CheckStatus> Checks() => _board.Snapshot(T0.AddDays(1)).SelectMany(s => s.Checks).ToList();

    private static CheckSample Health(int seconds, bool up, string? error = null) =>
        new("Payments", "health", CheckKinds.Http, "", T0.AddSeconds(seconds), up, up ? 12 : null, up ? 200 : 503, error);
}
