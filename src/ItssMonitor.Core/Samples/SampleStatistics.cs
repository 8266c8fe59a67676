namespace ItssMonitor.Core.Samples;

/// <summary>
/// Availability and latency over a window. Availability is the mean of <c>up</c>; the latency
/// percentiles are nearest-rank over the samples that carry a latency (null when none do).
/// </summary>
public sealed record SampleStatistics(
    long SampleCount,
    double Availability,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? LatencyP99Ms);
