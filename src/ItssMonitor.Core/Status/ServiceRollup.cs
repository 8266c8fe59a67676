using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Core.Status;

/// <summary>How a service's state follows from its checks' confirmed states and its latency objective.</summary>
public static class ServiceRollup
{
    public static ServiceState StateOf(IReadOnlyCollection<CheckState> checks, double? latencyMs, ServiceSla? sla)
    {
        if (checks.Count > 0 && checks.All(state => state == CheckState.Down))
        {
            return ServiceState.Down;
        }

        if (checks.Contains(CheckState.Down) || (sla?.LatencyP95Ms is { } objective && latencyMs > objective))
        {
            return ServiceState.Degraded;
        }

        if (checks.Contains(CheckState.Stale))
        {
            return ServiceState.Stale;
        }

        return checks.Contains(CheckState.Up) ? ServiceState.Up : ServiceState.Unknown;
    }
}
