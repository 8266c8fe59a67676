namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// Latencies of every received update in 0.1 ms buckets up to 10 s (above that: one overflow bucket), so millions of
/// values from many client threads cost one interlocked increment each and no allocation.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private const int Buckets = 100_000;

    private readonly long[] _counts = new long[Buckets + 1];
    private double _maxMs;

    public long Count => _counts.Sum();

    public void Record(double milliseconds)
    {
        var bucket = milliseconds <= 0 ? 0 : Math.Min(Buckets, (int)(milliseconds / BucketMs));
        Interlocked.Increment(ref _counts[bucket]);
        var max = Volatile.Read(ref _maxMs);
        while (milliseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMs, milliseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public double MaxMs => Volatile.Read(ref _maxMs);

    /// <summary>The nearest-rank percentile, as the upper edge of its bucket; NaN when nothing was recorded.</summary>
    public double Percentile(double percent)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(percent / 100 * total);
        long seen = 0;
        for (var bucket = 0; bucket <= Buckets; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank)
            {
                return bucket == Buckets ? MaxMs : (bucket + 1) * BucketMs;
            }
        }

        return MaxMs;
    }
}
