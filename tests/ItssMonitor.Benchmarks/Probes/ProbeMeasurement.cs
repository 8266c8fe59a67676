namespace ItssMonitor.Benchmarks.Probes;

/// <summary>What one prober did over the measured window. Lateness is known only for our scheduler.</summary>
internal sealed record ProbeMeasurement(
    string Prober,
    TimeSpan Window,
    long Probes,
    long Up,
    TimeSpan Cpu,
    long PeakRssBytes,
    long? PeakManagedHeapBytes = null,
    double? LatenessP50Ms = null,
    double? LatenessP99Ms = null,
    double? LatenessMaxMs = null)
{
    public double CpuSecondsPer1000Probes => Probes == 0 ? double.NaN : Cpu.TotalSeconds * 1000 / Probes;
}
