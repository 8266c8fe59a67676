using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// Probes one kind of check. Every kind has this one small signature (as blackbox_exporter's probers do);
/// the scheduler owns timing, timeouts and turning the outcome into a sample.
/// </summary>
public interface IProbe
{
    /// <summary>The <c>kind</c> of check this probe runs, e.g. "http".</summary>
    string Kind { get; }

    /// <param name="cancellationToken">Cancelled when the check's timeout passes; the probe reports that as a failure, not an exception.</param>
    Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken);
}
