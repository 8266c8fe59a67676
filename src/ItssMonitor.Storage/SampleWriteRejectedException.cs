namespace ItssMonitor.Storage;

/// <summary>
/// The store refused samples (a 4xx answer): retrying the same batch would fail the same way, so it
/// must not be retried. The rest of the batch may have been stored.
/// </summary>
public sealed class SampleWriteRejectedException(string message, int droppedSamples)
    : Exception(message)
{
    /// <summary>How many samples the store reports it dropped (0 when it does not say).</summary>
    public int DroppedSamples { get; } = droppedSamples;
}
