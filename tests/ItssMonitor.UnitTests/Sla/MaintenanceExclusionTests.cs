using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class MaintenanceExclusionTests
{
    private static readonly DateTimeOffset T = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_distinct_stretch_is_counted_once_and_taken_out_only_of_the_services_and_windows_it_overlaps()
    {
        var calendar = new MaintenanceCalendar(
        [
            new FixedMaintenanceWindow("DB upgrade", ["Ledger"], new TimeWindow(T.AddHours(1), T.AddHours(2))),
            new FixedMaintenanceWindow("Network", ["*"], new TimeWindow(T.AddHours(-5), T.AddHours(-4))),
        ]);
        var oneHour = TimeSpan.FromHours(1);
        var sixHours = TimeSpan.FromHours(6);
        var windows = new Dictionary<TimeSpan, TimeWindow>
        {
            [oneHour] = new(T.AddHours(1.5), T.AddHours(2.5)),
            [sixHours] = new(T.AddHours(-3.5), T.AddHours(2.5)),
        };

        var exclusion = new MaintenanceExclusion(calendar, ["Ledger", "Shop"], windows);

        // The 1 h window overlaps the second half of the upgrade, the 6 h window all of it; "Network" is before both.
        Assert.Equal([new TimeWindow(T.AddHours(1), T.AddHours(2)), new TimeWindow(T.AddHours(1.5), T.AddHours(2))], exclusion.Stretches);
        var counted = new Dictionary<TimeWindow, IReadOnlyDictionary<string, WindowCounts>>
        {
            [exclusion.Stretches[0]] = new Dictionary<string, WindowCounts> { ["Ledger"] = new(360, 0), ["Shop"] = new(360, 360) },
            [exclusion.Stretches[1]] = new Dictionary<string, WindowCounts> { ["Ledger"] = new(180, 0), ["Shop"] = new(180, 180) },
        };
        Assert.Equal(new WindowCounts(180, 180), exclusion.Exclude("Ledger", oneHour, new(360, 180), counted));
        Assert.Equal(new WindowCounts(1_800, 1_800), exclusion.Exclude("Ledger", sixHours, new(2_160, 1_800), counted));
        Assert.Equal(new WindowCounts(360, 300), exclusion.Exclude("Shop", oneHour, new(360, 300), counted));
    }

    [Fact]
    public void Without_maintenance_there_is_nothing_to_count()
    {
        var exclusion = new MaintenanceExclusion(MaintenanceCalendar.Empty, ["Ledger"], new Dictionary<TimeSpan, TimeWindow> { [TimeSpan.FromHours(1)] = new(T, T.AddHours(1)) });

        Assert.Empty(exclusion.Stretches);
        Assert.Equal(new WindowCounts(10, 5), exclusion.Exclude("Ledger", TimeSpan.FromHours(1), new(10, 5), new Dictionary<TimeWindow, IReadOnlyDictionary<string, WindowCounts>>()));
    }
}
