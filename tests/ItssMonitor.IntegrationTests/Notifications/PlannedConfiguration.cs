using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>A fixed monitoring configuration with the test's services and notification plan (until the file parser reads <c>notifications:</c>).</summary>
internal sealed class PlannedConfiguration(MonitoringConfiguration configuration) : IMonitoringConfigurationSource
{
    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }
}
