using ItssMonitor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Agent;

/// <summary>Registers what makes this process an agent: its settings, and the writer that pushes to the server through an on-disk spool.</summary>
public static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddAgentPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>()
            .Bind(configuration.GetSection("Agent"))
            .ValidateDataAnnotations()
            .Validate(_ => !string.IsNullOrWhiteSpace(configuration["Monitoring:File"]), "Monitoring:File is required: the agent probes the checks of its own monitoring file (it may be a copy of the server's).")
            .Validate(_ => !string.IsNullOrWhiteSpace(configuration["Monitoring:Location"]), "Monitoring:Location is required: it tells the agent's samples from the server's own (e.g. eu-west, branch-office-3).")
            .ValidateOnStart();
        services.AddHttpClient(nameof(IngestApiDestination), client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSampleWriter(configuration, provider => new IngestApiDestination(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IngestApiDestination)),
            provider.GetRequiredService<IOptions<AgentOptions>>().Value));
        services.AddSingleton<ISampleSink>(provider => provider.GetRequiredService<SampleWriter>());
        return services;
    }
}
