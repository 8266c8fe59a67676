using System.Collections.Concurrent;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.UnitTests.Fakes;

internal sealed class CollectingSink : ISampleSink
{
    public ConcurrentQueue<Sample> Samples { get; } = new();

    public IEnumerable<CheckSample> Checks => Samples.OfType<CheckSample>();

    public ValueTask AddAsync(Sample sample, CancellationToken cancellationToken)
    {
        Samples.Enqueue(sample);
        return ValueTask.CompletedTask;
    }
}
