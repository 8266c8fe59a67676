using ItssMonitor.Core.Status;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.Server.Status;

/// <summary>What the status hub sends its clients: the whole (filtered) picture on connect, then batches of changed services.</summary>
public interface IStatusClient
{
    /// <summary>Every service the client may see, worst first; sent on connect and when its filter changes.</summary>
    Task Snapshot(IReadOnlyList<ServiceStatus> services);

    /// <summary>The services that changed since the last batch, each once with its latest state.</summary>
    Task StatusChanged(IReadOnlyList<ServiceStatus> services);

    /// <summary>Every open alert (firing or acknowledged), worst first; sent on connect, right after the first snapshot.</summary>
    Task OpenAlerts(IReadOnlyList<AlertView> alerts);

    /// <summary>An alert changed (opened, re-fired, acknowledged, resolved, flapping); sent to every client, whatever its filter.</summary>
    Task AlertChanged(AlertView alert);
}
