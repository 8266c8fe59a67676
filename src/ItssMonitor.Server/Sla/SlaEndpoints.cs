using ItssMonitor.Server.Access;

namespace ItssMonitor.Server.Sla;

/// <summary>
/// SLA evaluation: the <c>sla-evaluation</c> job's services and options (section <c>Sla</c>), and
/// <c>GET /api/v1/sla</c>, <c>GET /api/v1/sla/{service}</c> with each service's latest evaluation.
/// </summary>
internal static class SlaEndpoints
{
    public static IServiceCollection AddSlaEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SlaStatusStore>();
        services.AddTransient<SlaEvaluationJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/sla", async (SlaStatusStore statuses, CancellationToken cancellationToken) =>
            new { services = await statuses.ListAsync(cancellationToken) }).RequireAuthorization(AccessPolicies.Viewer);
        endpoints.MapGet("/api/v1/sla/{service}", async (string service, SlaStatusStore statuses, CancellationToken cancellationToken) =>
            await statuses.FindAsync(service, cancellationToken) is { } status
                ? Results.Ok(status)
                : Results.Problem(
                    $"No SLA evaluation for service '{service}': it is not monitored, declares no sla, or has not been evaluated yet (the sla-evaluation job runs every minute).",
                    statusCode: StatusCodes.Status404NotFound,
                    title: "SLA status not found")).RequireAuthorization(AccessPolicies.Viewer);
        return endpoints;
    }
}
