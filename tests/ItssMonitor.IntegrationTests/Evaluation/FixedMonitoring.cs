using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>A monitoring configuration built in code (maintenance included) that never changes.</summary>
internal sealed class FixedMonitoring(MonitoringConfiguration configuration) : IMonitoringConfigurationSource
{
    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);

    /// <summary>The maintenance schedule of this configuration and of the operators' windows in <paramref name="relational"/>.</summary>
    public MaintenanceSchedule Schedule(IDbContextFactory<MonitorDbContext> relational, TimeProvider time) =>
        new(this, new OperatorMaintenanceStore(relational, time, NullLogger<OperatorMaintenanceStore>.Instance));

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }
}
