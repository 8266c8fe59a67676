using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>Counts the check results the scheduler hands over, and keeps nothing, so storage costs nothing here.</summary>
internal sealed class CountingSink : ISampleSink
{
    private long _probes;
    private long _up;

    public (long Probes, long Up) Counts => (Interlocked.Read(ref _probes), Interlocked.Read(ref _up));

    public ValueTask AddAsync(Sample sample, CancellationToken cancellationToken)
    {
        if (sample is CheckSample check)
        {
            Interlocked.Increment(ref _probes);
            if (check.Up)
            {
                Interlocked.Increment(ref _up);
            }
        }

        return ValueTask.CompletedTask;
    }
}
