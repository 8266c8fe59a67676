using System.Diagnostics.Metrics;

namespace ItssMonitor.Storage.Writing;

/// <summary>Counters of the write path, on the "ItssMonitor.Storage" meter; /metrics shows them as itssmonitor_storage_….</summary>
internal static class SampleWriterMetrics
{
    private static readonly Meter Meter = new("ItssMonitor.Storage");

    public static readonly Counter<long> Written = Meter.CreateCounter<long>("samples_written", description: "Samples the store accepted");

    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("samples_rejected", description: "Samples the store refused as invalid");

    public static readonly Counter<long> Spooled = Meter.CreateCounter<long>("samples_spooled", description: "Samples kept on disk because the store was unreachable");

    public static readonly Counter<long> Lost = Meter.CreateCounter<long>("samples_lost", description: "Samples lost because neither the destination nor the spool could take them");

    public static readonly Counter<long> SpoolOverflowDropped = Meter.CreateCounter<long>("spool_overflow_dropped_samples", description: "Samples dropped because the spool was full");
}
