using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Collectors.Scheduling;

/// <summary>Configuration section <c>Monitoring</c>: how this node runs its probes.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Probes running at the same time, at most; the rest wait their turn.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentProbes { get; set; } = 256;

    /// <summary>The <c>location</c> tag of samples probed here (empty: no tag).</summary>
    public string Location { get; set; } = "";
}
