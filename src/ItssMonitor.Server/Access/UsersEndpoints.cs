using System.Globalization;
using System.Security.Claims;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Admins manage accounts and read the audit log: <c>GET/POST /api/v1/users</c>, <c>PUT /api/v1/users/{name}</c>,
/// <c>GET /api/v1/audit?limit=&amp;before=</c>.
/// </summary>
internal static class UsersEndpoints
{
    public const int DefaultAuditPage = 50;
    public const int MaximumAuditPage = 500;

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.Admin);
        admin.MapGet("/users", async (UserAdministration accounts, CancellationToken cancellationToken) =>
            (await accounts.ListAsync(cancellationToken)).Select(user => new
            {
                name = user.Name,
                role = user.Role,
                disabled = user.Disabled,
                createdAt = user.CreatedAt,
                lastSignInAt = user.LastSignInAt,
            }));
        admin.MapPost("/users", async (UserRequest request, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken) =>
            await accounts.CreateAsync(user.Identity!.Name!, request.Name, request.Password, request.Role, cancellationToken) is { } problem
                ? problem.ToResult()
                : Results.Created($"/api/v1/users/{Uri.EscapeDataString(request.Name!.Trim())}", new { name = request.Name.Trim(), role = Roles.Parse(request.Role) }));
        admin.MapPut("/users/{name}", async (string name, UserRequest request, ClaimsPrincipal user, UserAdministration accounts, CancellationToken cancellationToken) =>
            await accounts.UpdateAsync(user.Identity!.Name!, name, request.Role, request.Password, request.Disabled, cancellationToken) is { } problem
                ? problem.ToResult()
                : Results.NoContent());
        admin.MapGet("/audit", AuditAsync);
        return endpoints;
    }

    private static async Task<IResult> AuditAsync(string? limit, string? before, IAuditLog audit, CancellationToken cancellationToken)
    {
        var count = DefaultAuditPage;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaximumAuditPage))
        {
            return Results.Problem($"'limit' is '{limit}'; expected a whole number from 1 to {MaximumAuditPage}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad 'limit'");
        }

        DateTimeOffset? end = null;
        if (before is not null)
        {
            if (!DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Results.Problem($"'before' is '{before}'; expected an ISO 8601 time such as 2026-11-22T23:00:00Z (the 'at' of the last entry of the previous page).", statusCode: StatusCodes.Status400BadRequest, title: "Bad 'before'");
            }

            end = parsed;
        }

        var entries = await audit.ListAsync(count, end, cancellationToken);
        return Results.Ok(entries.Select(entry => new { at = entry.At, actor = entry.Actor, action = entry.Action, target = entry.Target, detail = entry.Detail }));
    }
}
