namespace ItssMonitor.Core.Samples;

/// <summary>A half-open time range [<see cref="From"/>, <see cref="To"/>).</summary>
public readonly record struct TimeWindow
{
    public TimeWindow(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A time window must end after it starts (from {from:O}, to {to:O}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan Length => To - From;
}
