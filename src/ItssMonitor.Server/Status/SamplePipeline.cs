using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.Server.Status;

/// <summary>
/// The ingest path every sample takes, probed or pushed: to the writer (and so the store), and to the
/// status board, so a state change is known the moment its sample arrives, with no job in between.
/// </summary>
internal sealed class SamplePipeline(SampleWriter writer, StatusBoard board, TransitionLog transitions) : ISampleSink
{
    public async ValueTask AddAsync(Sample sample, CancellationToken cancellationToken)
    {
        await writer.AddAsync(sample, cancellationToken);
        if (sample is CheckSample check && board.Observe(check) is { } transition)
        {
            transitions.Record(transition);
        }
    }
}
