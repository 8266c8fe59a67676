using System.Text.Json.Serialization;
using ItssMonitor.Core.Status;
using ItssMonitor.Storage.Writing;

namespace ItssMonitor.Server.Status;

/// <summary>Live status: the sample pipeline feeding the status board, and <c>GET /api/v1/status</c> to read it.</summary>
internal static class StatusEndpoints
{
    public static IServiceCollection AddStatusTracking(this IServiceCollection services)
    {
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<TransitionLog>();
        services.AddSingleton<ISampleSink, SamplePipeline>();
        services.AddHostedService<StatusMonitor>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return services;
    }

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/status", (StatusBoard board, TimeProvider time) => new { services = board.Snapshot(time.GetUtcNow()) });
        return endpoints;
    }
}
