using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class TimestampPrecisionTests
{
    [Theory]
    [InlineData(null, 1_700_000_000_123_456_789L, 1_700_000_000_123L)]
    [InlineData("", 1_700_000_000_123_456_789L, 1_700_000_000_123L)]
    [InlineData("n", 1_700_000_000_123_456_789L, 1_700_000_000_123L)]
    [InlineData("ns", 1_700_000_000_123_999_999L, 1_700_000_000_123L)]
    [InlineData("u", 1_700_000_000_123_456L, 1_700_000_000_123L)]
    [InlineData("us", 1_700_000_000_123_456L, 1_700_000_000_123L)]
    [InlineData("ms", 1_700_000_000_123L, 1_700_000_000_123L)]
    [InlineData("s", 1_700_000_000L, 1_700_000_000_000L)]
    [InlineData("m", 28_333_333L, 1_699_999_980_000L)]
    [InlineData("h", 472_222L, 1_699_999_200_000L)]
    [InlineData("ns", -1L, -1L)]
    public void Converts_each_precision_to_milliseconds_rounding_down(string? name, long value, long expectedMilliseconds)
    {
        Assert.True(TimestampPrecision.TryParse(name, out var precision));
        Assert.True(precision.TryToInstant(value, out var instant));
        Assert.Equal(expectedMilliseconds, instant.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("S")]
    [InlineData("rfc3339")]
    public void Rejects_unknown_precisions(string name) => Assert.False(TimestampPrecision.TryParse(name, out _));

    [Theory]
    [InlineData("h", long.MaxValue)]
    [InlineData("s", 300_000_000_000L)]
    [InlineData("ms", long.MinValue)]
    public void Says_when_an_instant_is_out_of_range(string name, long value)
    {
        Assert.True(TimestampPrecision.TryParse(name, out var precision));
        Assert.False(precision.TryToInstant(value, out _));
    }
}
