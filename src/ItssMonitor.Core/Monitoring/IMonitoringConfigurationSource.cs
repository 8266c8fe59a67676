namespace ItssMonitor.Core.Monitoring;

/// <summary>Where the monitoring configuration comes from (the demo estate, a monitoring file).</summary>
public interface IMonitoringConfigurationSource
{
    /// <summary>The configuration to run; may wait until it can be known (the demo estate waits for the server's address).</summary>
    Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken);
}
