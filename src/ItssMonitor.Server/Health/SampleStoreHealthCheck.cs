using ItssMonitor.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ItssMonitor.Server.Health;

/// <summary>Ready only when the sample store answers and accepts our credentials.</summary>
internal sealed class SampleStoreHealthCheck(ISampleStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckReadyAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Description);
        }
        catch (SampleStoreUnavailableException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
