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
        services.AddHttpClient(HttpProbe.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<IProbe, HttpProbe>();
        services.AddHostedService<CheckScheduler>();
        return services;
    }
}
