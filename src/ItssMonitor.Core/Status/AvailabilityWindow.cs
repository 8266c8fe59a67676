namespace ItssMonitor.Core.Status;

/// <summary>
/// Availability over the last 24 hours, kept in memory as 288 five-minute buckets of up/total counts, so
/// the wall can show it for thousands of services without asking the store.
/// </summary>
public sealed class AvailabilityWindow
{
    private static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(5);
    private const int Buckets = 288;

    private readonly long[] _bucketStart = new long[Buckets];
    private readonly int[] _up = new int[Buckets];
    private readonly int[] _total = new int[Buckets];

    public void Record(DateTimeOffset at, bool up)
    {
        var bucket = at.UtcTicks / BucketLength.Ticks;
        var slot = (int)(bucket % Buckets);
        if (_bucketStart[slot] != bucket)
        {
            if (_bucketStart[slot] > bucket)
            {
                // Older than the day this slot now holds: outside the window.
                return;
            }

            _bucketStart[slot] = bucket;
            _up[slot] = 0;
            _total[slot] = 0;
        }

        _total[slot]++;
        _up[slot] += up ? 1 : 0;
    }

    /// <summary>The fraction of samples that were up in the 24 hours before <paramref name="now"/>; null when there were none.</summary>
    public double? Value(DateTimeOffset now)
    {
        var newest = now.UtcTicks / BucketLength.Ticks;
        long up = 0, total = 0;
        for (var slot = 0; slot < Buckets; slot++)
        {
            if (newest - _bucketStart[slot] < Buckets && _bucketStart[slot] <= newest)
            {
                up += _up[slot];
                total += _total[slot];
            }
        }

        return total == 0 ? null : (double)up / total;
    }
}
