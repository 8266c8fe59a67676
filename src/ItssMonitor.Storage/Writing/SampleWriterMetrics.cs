using System.Diagnostics.Metrics;

namespace ItssMonitor.Storage.Writing;

/// <summary>Counters of the write path, published on the "ItssMonitor.Storage" meter (and so on /metrics).</summary>
internal static class SampleWriterMetrics
{
    private static readonly Meter Meter = new("ItssMonitor.Storage");

    public static readonly Counter<long> Written = Meter.CreateCounter<long>("itss_samples_written", description: "Samples the store accepted");

    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("itss_samples_rejected", description: "Samples the store refused as invalid");

    public static readonly Counter<long> Spooled = Meter.CreateCounter<long>("itss_samples_spooled", description: "Samples kept on disk because the store was unreachable");

    public static readonly Counter<long> SpoolOverflowDropped = Meter.CreateCounter<long>("itss_spool_overflow_dropped_samples", description: "Samples dropped because the spool was full");
}
