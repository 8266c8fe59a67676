using System.Text.Json;
using System.Text.Json.Serialization;
using ItssMonitor.Core.Status;
using ItssMonitor.Server.Access;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Status;

/// <summary>
/// Live status: the sample pipeline feeding the status board, the broadcaster and the SignalR hub
/// <c>/hubs/status</c> (JSON or MessagePack; a Redis backplane when <c>SignalR:Redis</c> is set), and
/// <c>GET /api/v1/status</c> to read it once.
/// </summary>
internal static class StatusEndpoints
{
    public const string HubPath = "/hubs/status";

    /// <summary>The Redis connection string of the hub's backplane, which also carries samples between nodes.</summary>
    public const string RedisKey = "SignalR:Redis";

    public static IServiceCollection AddStatusTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusOptions>().Bind(configuration.GetSection("Status")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<StatusOptions>>().Value);
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<TransitionLog>();
        services.AddSingleton<StatusFeed>();
        services.AddSingleton<ISampleSink, SamplePipeline>();
        services.AddHostedService<StatusMonitor>();
        services.AddHostedService<StatusBroadcaster>();

        var enumsAsWords = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(enumsAsWords));
        // Pings every 2 s, so a wall whose server died notices within seconds (its client times out after a few missed pings).
        var signalR = services.AddSignalR(options => options.KeepAliveInterval = TimeSpan.FromSeconds(2))
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(enumsAsWords))
            .AddMessagePackProtocol();
        if (configuration[RedisKey] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("itssmonitor"));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/status", (StatusBoard board, TimeProvider time) => new { services = board.Snapshot(time.GetUtcNow()) })
            .RequireAuthorization(AccessPolicies.Viewer);
        // A batch for a large estate is far over SignalR's default 64 KB send buffer; at that size every
        // broadcast would wait for each client's socket to drain before the next client gets its copy.
        endpoints.MapHub<StatusHub>(HubPath, options => options.TransportMaxBufferSize = 1024 * 1024).RequireAuthorization(AccessPolicies.Viewer);
        return endpoints;
    }
}
