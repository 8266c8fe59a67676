using ItssMonitor.Core.Statistics;

namespace ItssMonitor.UnitTests.Statistics;

public sealed class ChartBucketTests
{
    public static TheoryData<TimeSpan, TimeSpan> Ranges => new()
    {
        { TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10) },
        { TimeSpan.FromHours(1), TimeSpan.FromSeconds(10) },
        { TimeSpan.FromHours(2), TimeSpan.FromSeconds(30) },
        { TimeSpan.FromHours(24), TimeSpan.FromMinutes(5) },
        { TimeSpan.FromDays(7), TimeSpan.FromMinutes(30) },
        { TimeSpan.FromDays(30), TimeSpan.FromHours(3) },
        { TimeSpan.FromDays(365), TimeSpan.FromDays(1) },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Picks_the_smallest_round_size_that_keeps_the_range_under_the_point_limit(TimeSpan range, TimeSpan expected)
    {
        var size = ChartBucket.SizeFor(range);

        Assert.Equal(expected, size);
        Assert.True(range / size <= ChartBucket.MaxPoints);
    }

    [Fact]
    public void Very_long_ranges_still_stay_under_the_point_limit()
    {
        var range = TimeSpan.FromDays(365 * 20);

        Assert.True(range / ChartBucket.SizeFor(range) <= ChartBucket.MaxPoints);
    }
}
