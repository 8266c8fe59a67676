using ItssMonitor.Collectors.Probes;
using ItssMonitor.Collectors.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItssMonitor.Collectors;

/// <summary>Registers the probes and the scheduler that runs them.</summary>
public static class CollectorsServiceCollectionExtensions
{
    public static IServiceCollection AddCollectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection("Monitoring")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IProbe, HttpProbe>();
        services.AddSingleton<IProbe, TcpProbe>();
        services.AddSingleton<IProbe, DnsProbe>();
        services.AddSingleton<IProbe, TlsProbe>();
        services.AddSingleton<IProbe, IcmpProbe>();
        // A server in a cluster registers its own ownership (which checks this node runs); anything else runs them all.
        services.TryAddSingleton<ICheckOwnership, SoleNodeOwnership>();
        services.AddHostedService<CheckScheduler>();
        return services;
    }
}
