using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;
using ItssMonitor.Server.Cluster;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.Server.Status;

/// <summary>
/// The ingest path every sample takes, probed or pushed: to the writer (and so the store), and to the
/// status board, so a state change is known the moment its sample arrives, with no job in between; and, in a
/// cluster with Redis, to the other nodes' boards through the <see cref="SampleRelay"/> (null without Redis).
/// </summary>
internal sealed class SamplePipeline(SampleWriter writer, StatusBoard board, TransitionLog transitions, SampleRelay? relay = null) : ISampleSink
{
    public async ValueTask AddAsync(Sample sample, CancellationToken cancellationToken)
    {
        await writer.AddAsync(sample, cancellationToken);
        if (sample is not CheckSample check)
        {
            return;
        }

        if (board.Observe(check) is { } transition)
        {
            transitions.Record(transition);
        }

        relay?.Publish(check);
    }
}
