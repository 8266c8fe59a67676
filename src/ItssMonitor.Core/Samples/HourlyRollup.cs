namespace ItssMonitor.Core.Samples;

/// <summary>
/// One series' samples over one clock hour (<c>check_rollup_1h</c>): counts and nearest-rank latency
/// percentiles, so long windows can be evaluated without reading every raw sample.
/// </summary>
public sealed record HourlyRollup(
    string Service,
    string Check,
    string Kind,
    string Location,
    DateTimeOffset Hour,
    long Count,
    long UpCount,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? LatencyP99Ms)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>The share of samples that were up (mean of <c>up</c>), 0 to 1.</summary>
    public double Availability => Count == 0 ? 0 : (double)UpCount / Count;

    /// <summary>The start of the clock hour (UTC) that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
