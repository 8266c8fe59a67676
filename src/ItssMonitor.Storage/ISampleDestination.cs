using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage;

/// <summary>
/// Where the <see cref="Writing.SampleWriter"/> delivers its batches: a sample store, or (from an agent)
/// a server's ingest API. Its two exceptions tell the writer whether to keep a batch or let it go.
/// </summary>
public interface ISampleDestination
{
    /// <summary>Short name for logs and health reports, e.g. "InfluxDB at http://…".</summary>
    string Description { get; }

    /// <exception cref="SampleStoreUnavailableException">The destination could not be reached; retry later.</exception>
    /// <exception cref="SampleWriteRejectedException">The destination refused some samples; retrying will not help.</exception>
    Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken);
}
