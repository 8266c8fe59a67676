using ItssMonitor.Storage.Influx;
using ItssMonitor.Storage.Sqlite;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Storage;

/// <summary>
/// Registers the sample store chosen by configuration and the batching writer in front of it. The host
/// decides what <see cref="ISampleSink"/> is: the writer itself, or a pipeline that also feeds live status.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// <c>Storage:Influx:Url</c> set: InfluxDB; otherwise SQLite at <c>Storage:Sqlite:Path</c>.
    /// </summary>
    public static IServiceCollection AddSampleStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InfluxOptions>().Bind(configuration.GetSection("Storage:Influx")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SqliteOptions>().Bind(configuration.GetSection("Storage:Sqlite"));

        if (configuration["Storage:Influx:Url"] is { Length: > 0 })
        {
            services.AddHttpClient(nameof(InfluxSampleStore), client => client.Timeout = Timeout.InfiniteTimeSpan);
            services.AddSingleton<ISampleStore>(provider => new InfluxSampleStore(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(InfluxSampleStore)),
                provider.GetRequiredService<IOptions<InfluxOptions>>().Value,
                provider.GetRequiredService<ILogger<InfluxSampleStore>>()));
        }
        else
        {
            services.AddSingleton<ISampleStore>(provider => new SqliteSampleStore(provider.GetRequiredService<IOptions<SqliteOptions>>().Value));
        }

        services.AddHostedService<StoreInitializer>();
        return services.AddSampleWriter(configuration, provider => provider.GetRequiredService<ISampleStore>());
    }

    /// <summary>The batching writer (<c>Storage:Writer</c>) delivering to the given destination, started and stopped with the host.</summary>
    public static IServiceCollection AddSampleWriter(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, ISampleDestination> destination)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SampleWriterOptions>().Bind(configuration.GetSection("Storage:Writer")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new SampleWriter(
            destination(provider),
            provider.GetRequiredService<IOptions<SampleWriterOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SampleWriter>>()));
        services.AddHostedService(provider => provider.GetRequiredService<SampleWriter>());
        return services;
    }
}
