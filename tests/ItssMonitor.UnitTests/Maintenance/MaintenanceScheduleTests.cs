using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage.Relational.Maintenance;

namespace ItssMonitor.UnitTests.Maintenance;

/// <summary>The one calendar in force: the file's windows and the operators' stored ones, each stored one closing when it was ended.</summary>
public sealed class MaintenanceScheduleTests
{
    /// <summary>A Tuesday, 02:00 UTC.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly MaintenanceCalendar File = new([
        new RecurringMaintenanceWindow("Tuesday patching", ["Search"], CronSchedule.Parse("0 2 * * TUE"), TimeSpan.FromHours(1)),
    ]);

    [Fact]
    public void The_combined_calendar_answers_for_the_files_windows_and_the_operators_alike()
    {
        var calendar = MaintenanceSchedule.Combine(File, [Stored("Ledger", T0.AddMinutes(30), T0.AddHours(2))]);

        Assert.True(calendar.IsInMaintenance("Search", T0.AddMinutes(10)));
        Assert.False(calendar.IsInMaintenance("Ledger", T0.AddMinutes(10)));
        Assert.Equal("disk swap", Assert.Single(calendar.OpenAt("Ledger", T0.AddMinutes(40))).Name);
        Assert.False(calendar.IsInMaintenance("Ledger", T0.AddHours(2)));
        Assert.Equal([new TimeWindow(T0.AddMinutes(30), T0.AddHours(2))], calendar.Overlapping("Ledger", new TimeWindow(T0, T0.AddDays(1))));
    }

    [Fact]
    public void A_window_ended_early_closes_then_and_one_cancelled_before_it_began_is_no_window()
    {
        var ended = Stored("Ledger", T0, T0.AddHours(2), endedAt: T0.AddMinutes(20));
        var cancelled = Stored("Search", T0.AddHours(3), T0.AddHours(4), endedAt: T0.AddHours(1));

        var calendar = MaintenanceSchedule.Combine(MaintenanceCalendar.Empty, [ended, cancelled]);

        Assert.Equal([new TimeWindow(T0, T0.AddMinutes(20))], calendar.Overlapping("Ledger", new TimeWindow(T0.AddHours(-1), T0.AddDays(1))));
        Assert.Empty(calendar.Overlapping("Search", new TimeWindow(T0.AddHours(-1), T0.AddDays(1))));
        Assert.Single(calendar.Windows);
    }

    [Fact]
    public void Without_stored_windows_the_files_calendar_is_used_as_it_is()
    {
        Assert.Same(File, MaintenanceSchedule.Combine(File, []));
    }

    private static MaintenanceWindowRecord Stored(string service, DateTimeOffset from, DateTimeOffset until, DateTimeOffset? endedAt = null) => new()
    {
        Services = [service],
        From = from,
        Until = until,
        EndedAt = endedAt,
        Reason = "disk swap",
        StartedBy = "olga",
    };
}
