namespace ItssMonitor.Core.Samples;

/// <summary>A time-bucketed series for a chart; buckets without samples are left out.</summary>
public sealed record ChartSeries(TimeSpan BucketSize, IReadOnlyList<SeriesPoint> Points);
