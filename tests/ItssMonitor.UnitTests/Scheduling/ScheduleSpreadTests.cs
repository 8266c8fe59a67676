using ItssMonitor.Collectors.Scheduling;

namespace ItssMonitor.UnitTests.Scheduling;

public sealed class ScheduleSpreadTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void Offsets_spread_checks_evenly_over_the_interval()
    {
        var perSecond = new int[10];
        for (var i = 0; i < 1_000; i++)
        {
            perSecond[(int)ScheduleSpread.OffsetFor($"service {i}", "health", Interval).TotalSeconds]++;
        }

        Assert.All(perSecond, count => Assert.InRange(count, 60, 140));
    }

    [Fact]
    public void A_check_keeps_its_offset()
    {
        Assert.Equal(ScheduleSpread.OffsetFor("Payments", "health", Interval), ScheduleSpread.OffsetFor("Payments", "health", Interval));
        Assert.NotEqual(ScheduleSpread.OffsetFor("Payments", "health", Interval), ScheduleSpread.OffsetFor("Payments", "db", Interval));
    }

    [Fact]
    public void The_next_slot_is_strictly_later_and_on_the_grid()
    {
        var offset = TimeSpan.FromMilliseconds(3_250);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_003_250);

        var next = ScheduleSpread.NextSlotAfter(now, offset, Interval);

        Assert.Equal(now + Interval, next);
        Assert.Equal(now, ScheduleSpread.NextSlotAfter(now.AddTicks(-1), offset, Interval));
    }
}
