namespace ItssMonitor.Core.Samples;

/// <summary>One bucket of a chart series: the bucket's start and the statistics of its samples.</summary>
public sealed record SeriesPoint(
    DateTimeOffset BucketStart,
    long SampleCount,
    double Availability,
    double? LatencyP50Ms,
    double? LatencyP95Ms);
