namespace ItssMonitor.Server.Ingest;

/// <summary>
/// The unit of line-protocol timestamps (the <c>precision</c> query parameter of <c>/write</c>; nanoseconds when absent),
/// and its conversion to the millisecond timestamps every store keeps.
/// </summary>
internal sealed class TimestampPrecision
{
    public static readonly TimestampPrecision Nanoseconds = new("ns", divisor: 1_000_000, multiplier: 1);

    private static readonly Dictionary<string, TimestampPrecision> ByName = new(StringComparer.Ordinal)
    {
        ["n"] = Nanoseconds,
        ["ns"] = Nanoseconds,
        ["u"] = new("u", divisor: 1_000, multiplier: 1),
        ["us"] = new("us", divisor: 1_000, multiplier: 1),
        ["ms"] = new("ms", divisor: 1, multiplier: 1),
        ["s"] = new("s", divisor: 1, multiplier: 1_000),
        ["m"] = new("m", divisor: 1, multiplier: 60_000),
        ["h"] = new("h", divisor: 1, multiplier: 3_600_000),
    };

    private readonly long _divisor;
    private readonly long _multiplier;

    private TimestampPrecision(string name, long divisor, long multiplier)
    {
        Name = name;
        _divisor = divisor;
        _multiplier = multiplier;
    }

    public string Name { get; }

    /// <summary>Null or empty means nanoseconds, as in InfluxDB; u/us, ms, s, m, h as InfluxDB 1.x and 2.x name them.</summary>
    public static bool TryParse(string? name, out TimestampPrecision precision)
    {
        if (string.IsNullOrEmpty(name))
        {
            precision = Nanoseconds;
            return true;
        }

        return ByName.TryGetValue(name, out precision!);
    }

    /// <summary>Converts a timestamp in this unit; false when the instant is outside what a DateTimeOffset holds.</summary>
    public bool TryToInstant(long value, out DateTimeOffset instant)
    {
        instant = default;
        long milliseconds;
        try
        {
            // Floor, not truncation toward zero: a timestamp just before 1970 belongs to the millisecond before.
            var quotient = Math.DivRem(value, _divisor, out var remainder);
            milliseconds = checked((quotient - (remainder < 0 ? 1 : 0)) * _multiplier);
        }
        catch (OverflowException)
        {
            return false;
        }

        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }
}
