using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage.Writing;

/// <summary>Where producers (probes, the ingest API) hand samples over; the write to the store happens later, in batches.</summary>
public interface ISampleSink
{
    /// <summary>Queues a sample; waits only when the queue is full, so producers slow down instead of memory growing.</summary>
    ValueTask AddAsync(Sample sample, CancellationToken cancellationToken);
}
