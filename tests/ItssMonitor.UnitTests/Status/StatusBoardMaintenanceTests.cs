using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Core.Status;

namespace ItssMonitor.UnitTests.Status;

public sealed class StatusBoardMaintenanceTests
{
    /// <summary>A Tuesday, 02:00 UTC.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly FixedMaintenanceWindow Upgrade = new("DB upgrade", ["Ledger"], new TimeWindow(T0.AddMinutes(10), T0.AddMinutes(70)));

    private readonly StatusBoard _board = new();
    private MaintenanceCalendar _calendar = MaintenanceCalendar.Empty;

    [Fact]
    public void A_service_shows_maintenance_only_while_its_window_is_open_with_the_window_name()
    {
        Configure([Upgrade]);
        Observe("Ledger", T0, up: true);
        Observe("Payments", T0, up: true);

        Assert.Equal((ServiceState.Up, null), StateAt("Ledger", T0.AddMinutes(9)));
        Assert.Equal((ServiceState.Maintenance, "DB upgrade"), StateAt("Ledger", T0.AddMinutes(10)));
        Assert.Equal((ServiceState.Maintenance, "DB upgrade"), StateAt("Ledger", T0.AddMinutes(69)));
        Assert.Equal((ServiceState.Up, null), StateAt("Ledger", T0.AddMinutes(70)));
        Assert.Equal((ServiceState.Up, null), StateAt("Payments", T0.AddMinutes(30)));
    }

    [Fact]
    public void A_service_down_during_maintenance_shows_maintenance_and_down_again_once_the_window_closes()
    {
        Configure([Upgrade]);
        _board.FollowMaintenance(_calendar, T0.AddMinutes(10));
        Observe("Ledger", T0.AddMinutes(20), up: false);
        Observe("Ledger", T0.AddMinutes(21), up: false);

        var during = _board.Find("Ledger", T0.AddMinutes(30))!;
        Assert.Equal((ServiceState.Maintenance, T0.AddMinutes(10)), (during.State, during.Since));
        Assert.Equal(CheckState.Down, Assert.Single(during.Checks).State);

        var after = _board.Find("Ledger", T0.AddMinutes(70))!;
        Assert.Equal((ServiceState.Down, T0.AddMinutes(70), null), (after.State, after.Since, after.MaintenanceWindow));
    }

    [Fact]
    public void Maintenance_sorts_after_every_unplanned_state_and_before_up()
    {
        Configure([new FixedMaintenanceWindow("Patching", ["Archive"], new TimeWindow(T0, T0.AddHours(1)))], "Archive", "Fresh");
        Observe("Payments", T0, up: true);
        Observe("Ledger", T0, up: false);
        Observe("Ledger", T0.AddSeconds(1), up: false);
        Observe("Archive", T0, up: false);
        Observe("Archive", T0.AddSeconds(1), up: false);

        Assert.Equal(
            [("Ledger", ServiceState.Down), ("Fresh", ServiceState.Unknown), ("Archive", ServiceState.Maintenance), ("Payments", ServiceState.Up)],
            _board.Snapshot(T0.AddMinutes(1)).Select(status => (status.Service, status.State)));
    }

    [Fact]
    public void Opening_and_closing_a_window_are_each_taken_once_as_a_change()
    {
        Configure([Upgrade]);
        _board.TakeChanges(T0);

        _board.FollowMaintenance(_calendar, T0.AddMinutes(5));
        Assert.Empty(_board.TakeChanges(T0.AddMinutes(5)));

        _board.FollowMaintenance(_calendar, T0.AddMinutes(10));
        _board.FollowMaintenance(_calendar, T0.AddMinutes(11));
        var opened = Assert.Single(_board.TakeChanges(T0.AddMinutes(11)));
        Assert.Equal(("Ledger", ServiceState.Maintenance, "DB upgrade", T0.AddMinutes(10)), (opened.Service, opened.State, opened.MaintenanceWindow, opened.Since));

        _board.FollowMaintenance(_calendar, T0.AddMinutes(70));
        var closed = Assert.Single(_board.TakeChanges(T0.AddMinutes(70)));
        Assert.Equal(("Ledger", ServiceState.Unknown, null), (closed.Service, closed.State, closed.MaintenanceWindow));
    }

    [Fact]
    public void A_recurring_window_for_every_service_applies_to_all_and_the_first_open_window_names_the_state()
    {
        // Every Tuesday at 02:00 for an hour: open at T0.
        var weekly = new RecurringMaintenanceWindow("Tuesday patching", [MaintenanceWindow.EveryService], CronSchedule.Parse("0 2 * * TUE"), TimeSpan.FromHours(1));
        Configure([weekly, Upgrade]);

        Assert.All(_board.Snapshot(T0.AddMinutes(30)), status => Assert.Equal((ServiceState.Maintenance, "Tuesday patching"), (status.State, status.MaintenanceWindow)));
        Assert.Equal((ServiceState.Maintenance, "DB upgrade"), StateAt("Ledger", T0.AddMinutes(65)));
        Assert.Equal((ServiceState.Unknown, null), StateAt("Payments", T0.AddMinutes(65)));
        Assert.Equal((ServiceState.Maintenance, "Tuesday patching"), StateAt("Payments", T0.AddDays(7).AddMinutes(1)));
    }

    [Fact]
    public void A_configuration_without_the_window_ends_the_maintenance()
    {
        Configure([Upgrade]);
        Assert.Equal(ServiceState.Maintenance, StateAt("Ledger", T0.AddMinutes(30)).State);

        Configure([]);

        Assert.Equal((ServiceState.Unknown, null), StateAt("Ledger", T0.AddMinutes(30)));
    }

    [Fact]
    public void A_window_started_at_run_time_opens_and_ending_the_last_one_takes_the_service_out_again()
    {
        Configure([]);
        Observe("Ledger", T0, up: true);

        var started = new MaintenanceCalendar([]).With([new FixedMaintenanceWindow("Disk swap", ["Ledger"], new TimeWindow(T0, T0.AddHours(1)))]);
        _board.FollowMaintenance(started, T0.AddMinutes(1));
        Assert.Equal((ServiceState.Maintenance, "Disk swap"), StateAt("Ledger", T0.AddMinutes(1)));

        // Ended early: the calendar in force has no window at all any more.
        _board.FollowMaintenance(MaintenanceCalendar.Empty, T0.AddMinutes(2));
        Assert.Equal((ServiceState.Up, null), StateAt("Ledger", T0.AddMinutes(2)));
    }

    /// <summary>Ledger and Payments, and <paramref name="moreServices"/>, each with one check that is down after two failures.</summary>
    private void Configure(IReadOnlyList<MaintenanceWindow> windows, params string[] moreServices)
    {
        var services = new[] { "Ledger", "Payments" }.Concat(moreServices)
            .Select(name => new ServiceDefinition(name, "t", [], [new CheckDefinition("c", CheckKinds.Http, TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)) { FailuresBeforeDown = 2 }]))
            .ToList();
        _calendar = new MaintenanceCalendar(windows);
        _board.Configure(new MonitoringConfiguration(services) { Maintenance = _calendar }, T0);
    }

    private (ServiceState State, string? Window) StateAt(string service, DateTimeOffset now) =>
        _board.Find(service, now) is { } status ? (status.State, status.MaintenanceWindow) : throw new InvalidOperationException($"{service} is not on the board");

    private void Observe(string service, DateTimeOffset at, bool up) =>
        _board.Observe(new CheckSample(service, "c", CheckKinds.Http, "", at, up, up ? 12 : null, up ? 200 : 503, up ? null : "HTTP 503"));
}
