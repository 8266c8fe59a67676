using System.Security.Claims;
using System.Text.Json;
using ItssMonitor.Server.Access;

namespace ItssMonitor.Server.Maintenance;

/// <summary>
/// Maintenance set by operators at run time: <c>GET /api/v1/maintenance</c> (Viewers: current and upcoming windows of
/// the file and of operators), <c>POST /api/v1/maintenance</c> and <c>DELETE /api/v1/maintenance/{id}</c> (Operators).
/// </summary>
internal static class MaintenanceEndpoints
{
    public static IServiceCollection AddOperatorMaintenance(this IServiceCollection services)
    {
        services.AddSingleton<OperatorMaintenanceStore>();
        services.AddSingleton<MaintenanceSchedule>();
        services.AddSingleton<MaintenanceWindows>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorMaintenance(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/maintenance");
        api.MapGet("", async (MaintenanceWindows windows, CancellationToken cancellationToken) => Results.Ok(await windows.ListAsync(cancellationToken)))
            .RequireAuthorization(AccessPolicies.Viewer);
        api.MapPost("", StartAsync).RequireAuthorization(AccessPolicies.Operator);
        api.MapDelete("/{id:long}", EndAsync).RequireAuthorization(AccessPolicies.Operator);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ClaimsPrincipal user, MaintenanceWindows windows, CancellationToken cancellationToken)
    {
        MaintenanceRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<MaintenanceRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.Problem(
                title: "Malformed JSON body",
                detail: $"The body is not valid JSON for a maintenance window at {exception.Path ?? "$"} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}). " +
                    "Expected e.g. {\"services\": [\"Ledger\"], \"until\": \"2026-10-20T03:00:00Z\", \"reason\": \"disk swap\"}, times in ISO 8601.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var (window, problems) = await windows.StartAsync(body ?? new MaintenanceRequest(null, null, null, null), user.Identity!.Name!, cancellationToken);
        return window is null
            ? Results.ValidationProblem(problems, title: "Maintenance window not acceptable", detail: string.Join(" ", problems.SelectMany(problem => problem.Value)))
            : Results.Created($"/api/v1/maintenance/{window.Id}", window);
    }

    private static async Task<IResult> EndAsync(long id, ClaimsPrincipal user, MaintenanceWindows windows, CancellationToken cancellationToken)
    {
        if (await windows.EndAsync(id, user.Identity!.Name!, cancellationToken) is not { } result)
        {
            return Results.Problem(title: "No such maintenance window", detail: $"There is no operator maintenance window with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        return result.Ended
            ? Results.Ok(result.Window)
            : Results.Problem(title: "Maintenance window already over", detail: $"Window {id} ended at {result.Window.Until:O}; there is nothing left to end.", statusCode: StatusCodes.Status409Conflict);
    }
}
