using System.Diagnostics.Metrics;

namespace ItssMonitor.Collectors.Scheduling;

/// <summary>Instruments of the probe scheduler, published on the "ItssMonitor.Collectors" meter.</summary>
internal static class SchedulerMetrics
{
    public const string MeterName = "ItssMonitor.Collectors";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// How long after its slot a run started, probe concurrency wait included: the first sign that a node
    /// has more checks than it can run on time.
    /// </summary>
    public static readonly Histogram<double> ScheduleLateness = Meter.CreateHistogram<double>(
        "probe_schedule_lateness_ms", unit: "ms", description: "How late a probe run started relative to its slot");

    public static readonly Counter<long> ProbesRun = Meter.CreateCounter<long>("probes_run", description: "Probe runs started");
}
