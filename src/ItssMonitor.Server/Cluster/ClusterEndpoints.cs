using ItssMonitor.Server.Access;
using ItssMonitor.Collectors.Scheduling;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Server.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItssMonitor.Server.Cluster;

/// <summary>
/// Scale-out across nodes: membership in the relational store's <c>cluster_nodes</c>, each probed check run by one
/// live node (<see cref="ClusterMembership"/>), samples shared between the nodes' status boards over Redis when
/// <c>SignalR:Redis</c> is set (<see cref="SampleRelay"/>), and <c>GET /api/v1/cluster</c> to see who runs what.
/// </summary>
internal static class ClusterEndpoints
{
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClusterMembership>();
        services.Replace(ServiceDescriptor.Singleton<ICheckOwnership>(provider => provider.GetRequiredService<ClusterMembership>()));
        services.AddHostedService<ClusterHeartbeat>();
        if (configuration[StatusEndpoints.RedisKey] is { Length: > 0 } redis)
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SampleRelay>(provider, redis));
            services.AddHostedService(provider => provider.GetRequiredService<SampleRelay>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapCluster(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/cluster", GetClusterAsync).RequireAuthorization(AccessPolicies.Viewer);
        return endpoints;
    }

    private static async Task<object> GetClusterAsync(ClusterMembership membership, IMonitoringConfigurationSource source, CancellationToken cancellationToken)
    {
        var nodes = membership.Nodes;
        var ids = nodes.Select(node => node.NodeId).ToList();
        var configuration = await source.GetAsync(cancellationToken);
        var owned = configuration.AllChecks
            .Where(pair => pair.Check.Kind != CheckKinds.Push)
            .GroupBy(pair => RendezvousAssignment.OwnerOf(ids, pair.Service.Name, pair.Check.Name), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new
        {
            node = membership.NodeId,
            nodes = nodes.Select(node => new
            {
                id = node.NodeId,
                host = node.HostName,
                since = node.StartedAt,
                lastHeartbeat = node.HeartbeatAt,
                checks = owned.GetValueOrDefault(node.NodeId),
            }),
        };
    }
}
