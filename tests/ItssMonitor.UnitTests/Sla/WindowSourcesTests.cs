using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class WindowSourcesTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 31, 10, 20, 0, TimeSpan.Zero);

    [Fact]
    public void A_long_window_reads_rollups_for_the_whole_hours_rolled_up_and_raw_samples_around_them()
    {
        var window = new TimeWindow(Now - TimeSpan.FromDays(30), Now);

        var sources = WindowSources.For(window, newestRollupHour: new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(new TimeWindow(new DateTimeOffset(2026, 10, 1, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 31, 9, 0, 0, TimeSpan.Zero)), sources.Rollups);
        Assert.Equal(
            [
                new TimeWindow(window.From, new DateTimeOffset(2026, 10, 1, 11, 0, 0, TimeSpan.Zero)),
                new TimeWindow(new DateTimeOffset(2026, 10, 31, 9, 0, 0, TimeSpan.Zero), Now),
            ],
            sources.Raw);
    }

    [Fact]
    public void Rollups_newer_than_the_window_stop_at_its_last_whole_hour()
    {
        var window = new TimeWindow(Now - TimeSpan.FromDays(3), Now);

        var sources = WindowSources.For(window, newestRollupHour: Now.AddHours(5));

        Assert.Equal(new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero), sources.Rollups!.Value.To);
        Assert.Equal(new TimeWindow(new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero), Now), sources.Raw[^1]);
    }

    [Fact]
    public void Short_windows_and_windows_without_rollups_read_raw_samples_only()
    {
        var sixHours = new TimeWindow(Now - TimeSpan.FromHours(6), Now);
        var threeDays = new TimeWindow(Now - TimeSpan.FromDays(3), Now);

        Assert.Equal(new WindowSources(null, [sixHours]).Raw, WindowSources.For(sixHours, Now.AddHours(-1)).Raw);
        Assert.Null(WindowSources.For(sixHours, Now.AddHours(-1)).Rollups);
        Assert.Null(WindowSources.For(threeDays, null).Rollups);
        Assert.Null(WindowSources.For(threeDays, Now.AddDays(-4)).Rollups);
        Assert.Equal([threeDays], WindowSources.For(threeDays, Now.AddDays(-4)).Raw);
    }
}
