namespace ItssMonitor.Core.Statistics;

/// <summary>
/// Chooses a chart bucket size so that a range is drawn with at most <see cref="MaxPoints"/> points.
/// Every store aligns buckets to the Unix epoch, as InfluxDB's <c>GROUP BY time()</c> does.
/// </summary>
public static class ChartBucket
{
    public const int MaxPoints = 500;

    private static readonly TimeSpan[] Sizes =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>The smallest round size that keeps the range within <see cref="MaxPoints"/> buckets.</summary>
    public static TimeSpan SizeFor(TimeSpan range)
    {
        foreach (var size in Sizes)
        {
            if (range.Ticks / size.Ticks < MaxPoints)
            {
                return size;
            }
        }

        return TimeSpan.FromTicks((range.Ticks / MaxPoints / Sizes[^1].Ticks + 1) * Sizes[^1].Ticks);
    }
}
