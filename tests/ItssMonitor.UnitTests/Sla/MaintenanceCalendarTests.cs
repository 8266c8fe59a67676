using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class MaintenanceCalendarTests
{
    private static readonly RecurringMaintenanceWindow SundayPatching =
        new("Sunday patching", ["*"], CronSchedule.Parse("0 3 * * SUN"), TimeSpan.FromHours(1));

    private static readonly FixedMaintenanceWindow DbUpgrade =
        new("DB upgrade", ["Ledger"], new TimeWindow(Utc("2026-10-20T02:00:00Z"), Utc("2026-10-20T03:00:00Z")));

    private static readonly MaintenanceCalendar Calendar = new([SundayPatching, DbUpgrade]);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static TimeWindow Window(string from, string to) => new(Utc(from), Utc(to));

    [Theory]
    [InlineData("Ledger", "2026-11-22T03:00:00Z", true)]
    [InlineData("Payments API", "2026-11-22T03:59:59Z", true)]
    [InlineData("Ledger", "2026-11-22T04:00:00Z", false)]
    [InlineData("Ledger", "2026-11-22T02:59:59Z", false)]
    [InlineData("Ledger", "2026-10-20T02:30:00Z", true)]
    [InlineData("Payments API", "2026-10-20T02:30:00Z", false)]
    [InlineData("ledger", "2026-10-20T02:30:00Z", false)]
    public void A_service_is_in_maintenance_while_a_window_for_it_is_open(string service, string at, bool expected)
    {
        Assert.Equal(expected, Calendar.IsInMaintenance(service, Utc(at)));
    }

    [Fact]
    public void The_open_windows_are_named_for_the_evidence()
    {
        Assert.Equal(["DB upgrade"], Calendar.OpenAt("Ledger", Utc("2026-10-20T02:00:00Z")).Select(window => window.Name));
    }

    [Fact]
    public void A_week_holds_one_sunday_hour()
    {
        Assert.Equal(
            [Window("2026-11-22T03:00:00Z", "2026-11-22T04:00:00Z")],
            Calendar.Overlapping("Payments API", Window("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void Intervals_are_clipped_to_the_window_including_one_that_opened_before_it()
    {
        Assert.Equal(
            [Window("2026-11-22T03:30:00Z", "2026-11-22T04:00:00Z")],
            Calendar.Overlapping("Ledger", Window("2026-11-22T03:30:00Z", "2026-11-22T05:00:00Z")));
    }

    [Fact]
    public void Overlapping_windows_are_merged_so_no_minute_is_excluded_twice()
    {
        var overrun = new FixedMaintenanceWindow("overrun", ["Ledger"], Window("2026-11-22T02:30:00Z", "2026-11-22T03:30:00Z"));
        var calendar = new MaintenanceCalendar([SundayPatching, overrun]);

        Assert.Equal(
            [Window("2026-11-22T02:30:00Z", "2026-11-22T04:00:00Z")],
            calendar.Overlapping("Ledger", Window("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void Openings_closer_than_their_duration_run_together()
    {
        // Openings at 09:30, 10:00 and 10:30, 45 minutes each: maintenance from before 10:00 to after 11:00.
        var rolling = new RecurringMaintenanceWindow("rolling", ["*"], CronSchedule.Parse("*/30 * * * *"), TimeSpan.FromMinutes(45));

        Assert.Equal(
            [Window("2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z")],
            rolling.Overlapping(Window("2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z")));
    }

    [Fact]
    public void A_window_must_name_its_services_and_last()
    {
        Assert.Throws<ArgumentException>(() => new FixedMaintenanceWindow("none", [], Window("2026-11-22T00:00:00Z", "2026-11-22T01:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecurringMaintenanceWindow("zero", ["*"], CronSchedule.Parse("0 3 * * *"), TimeSpan.Zero));
    }
}
