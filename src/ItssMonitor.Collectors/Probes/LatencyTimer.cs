namespace ItssMonitor.Collectors.Probes;

/// <summary>Milliseconds since a start on the injected clock, rounded to the microsecond as samples store them.</summary>
internal readonly struct LatencyTimer
{
    private readonly TimeProvider _time;
    private readonly long _started;

    private LatencyTimer(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    public static LatencyTimer Start(TimeProvider time) => new(time);

    public double ElapsedMs => Math.Round(_time.GetElapsedTime(_started).TotalMilliseconds, 3);
}
