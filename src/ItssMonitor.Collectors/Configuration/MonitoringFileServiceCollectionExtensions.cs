using ItssMonitor.Core.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Makes the monitoring file the <see cref="IMonitoringConfigurationSource"/> when <c>Monitoring:File</c> is set.</summary>
public static class MonitoringFileServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MonitoringFileSource"/> for the configured path, or nothing when none is set,
    /// so a default source registered afterwards with TryAdd applies. The file is read when the source is first resolved.
    /// </summary>
    public static IServiceCollection AddMonitoringFile(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration[MonitoringFileSource.ConfigurationKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMonitoringConfigurationSource>(provider =>
            new MonitoringFileSource(path, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<MonitoringFileSource>>()));
        return services;
    }
}
