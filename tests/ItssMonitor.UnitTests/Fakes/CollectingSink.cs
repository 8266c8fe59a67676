using System.Collections.Concurrent;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.UnitTests.Fakes;

internal sealed class CollectingSink : ISampleSink
{
    public ConcurrentQueue<CheckSample> Samples { get; } = new();

    public ValueTask AddAsync(CheckSample sample, CancellationToken cancellationToken)
    {
        Samples.Enqueue(sample);
        return ValueTask.CompletedTask;
    }
}
