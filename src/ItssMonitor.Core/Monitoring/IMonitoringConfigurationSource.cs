namespace ItssMonitor.Core.Monitoring;

/// <summary>Where the monitoring configuration comes from (the demo estate, a monitoring file).</summary>
public interface IMonitoringConfigurationSource
{
    /// <summary>The configuration in force; waits until the first one is known (the demo estate waits for the server's address).</summary>
    Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken);

    /// <summary>The configuration in force, then each new one as it is reloaded, until cancelled.</summary>
    IAsyncEnumerable<MonitoringConfiguration> WatchAsync(CancellationToken cancellationToken);
}
