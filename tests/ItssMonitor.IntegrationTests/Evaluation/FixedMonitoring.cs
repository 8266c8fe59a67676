using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>A monitoring configuration built in code (maintenance included) that never changes.</summary>
internal sealed class FixedMonitoring(MonitoringConfiguration configuration) : IMonitoringConfigurationSource
{
    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }
}
