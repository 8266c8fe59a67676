namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>What one server did over the measured window, as its clients saw it and as the kernel accounted its CPU.</summary>
internal sealed record FanoutMeasurement(
    string Server,
    TimeSpan Window,
    long Received,
    long Expected,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    TimeSpan Cpu,
    TimeSpan ClientsCpu,
    long PeakRssBytes,
    int Disconnected,
    long FailedRequests)
{
    /// <summary>CPU time over wall time: 1.0 is one core busy the whole window.</summary>
    public double CoresBusy => Cpu / Window;

    /// <summary>The same for this process, where the clients run: near the machine's core count, the clients are the bottleneck.</summary>
    public double ClientCoresBusy => ClientsCpu / Window;
}
