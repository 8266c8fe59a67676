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
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InfluxOptions>().Bind(configuration.GetSection("Storage:Influx")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SqliteOptions>().Bind(configuration.GetSection("Storage:Sqlite"));
        services.AddOptions<SampleWriterOptions>().Bind(configuration.GetSection("Storage:Writer")).ValidateDataAnnotations().ValidateOnStart();

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
        services.AddSingleton(provider => new SampleWriter(
            provider.GetRequiredService<ISampleStore>(),
            provider.GetRequiredService<IOptions<SampleWriterOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SampleWriter>>()));
        services.AddHostedService(provider => provider.GetRequiredService<SampleWriter>());
        return services;
    }
}
