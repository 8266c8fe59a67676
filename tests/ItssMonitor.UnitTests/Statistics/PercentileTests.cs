using ItssMonitor.Core.Statistics;

namespace ItssMonitor.UnitTests.Statistics;

public sealed class PercentileTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Theory]
    [InlineData(50, 50)]
    [InlineData(95, 95)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    public void Nearest_rank_of_one_to_hundred_is_the_percent_itself(double percent, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank(OneToHundred, percent));

    [Fact]
    public void Rounds_the_rank_half_up_as_InfluxDB_does()
    {
        // InfluxDB: index = floor(n * p / 100 + 0.5) - 1. For n = 4, p = 50: floor(2.5) - 1 = 1.
        Assert.Equal(20, Percentile.NearestRank([10, 20, 30, 40], 50));
        Assert.Equal(40, Percentile.NearestRank([10, 20, 30, 40], 95));
        Assert.Equal(10, Percentile.NearestRank([10], 50));
    }

    [Fact]
    public void Is_null_when_the_rank_falls_before_the_first_value()
    {
        Assert.Null(Percentile.NearestRank([10], 1));
        Assert.Null(Percentile.NearestRank([], 50));
    }

    [Fact]
    public void Refuses_a_percent_outside_zero_to_hundred() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank(OneToHundred, 101));
}
