using ItssMonitor.Server.Access;
using Prometheus;

namespace ItssMonitor.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format: process and runtime figures, HTTP server and client
/// metrics, and ItssMonitor's own meters (samples written, spooled, rejected, lost; probe timing).
/// </summary>
internal static class MetricsEndpoint
{
    private static readonly string[] PublishedMeters = ["ItssMonitor.", "Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        // .NET publishes dozens of internal meters (QUIC, DNS…); a scrape should carry what an operator reads.
        Prometheus.Metrics.ConfigureMeterAdapter(options =>
            options.InstrumentFilterPredicate = instrument => PublishedMeters.Any(prefix => instrument.Meter.Name.StartsWith(prefix, StringComparison.Ordinal)));

        // The adapter starts listening with the default registry; started now, it counts from the first sample, not the first scrape.
        _ = Prometheus.Metrics.DefaultRegistry;
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // Prometheus scrapes with an ingest API key (authorization: credentials); a signed-in Viewer may look too.
        endpoints.MapMetrics("/metrics").RequireAuthorization(AccessPolicies.Metrics);
        return endpoints;
    }
}
