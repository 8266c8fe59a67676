namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// The admin API of one kind: <c>GET</c> lists (never a secret), <c>POST {name}</c> creates and answers the secret
/// once with what to paste where, <c>DELETE /{id}</c> revokes. Admins only; errors are problem+json naming the field.
/// </summary>
internal static class CredentialEndpoints
{
    public static void MapCredentialEndpoints(this IEndpointRouteBuilder endpoints, CredentialKind kind)
    {
        var api = endpoints.MapGroup(kind.Route).RequireAuthorization(AccessPolicies.Admin);

        api.MapGet("", (CredentialStore store, CancellationToken cancellationToken) => store.ListAsync(kind, cancellationToken));

        api.MapPost("", async (CredentialRequest request, HttpContext http, CredentialStore store, CancellationToken cancellationToken) =>
        {
            if (CredentialStore.CheckName(request.Name) is { } problem)
            {
                return NameProblem(problem, StatusCodes.Status400BadRequest);
            }

            if (await store.CreateAsync(kind, request.Name!, Actor(http), cancellationToken) is not var (record, secret))
            {
                return NameProblem($"An active {kind.Label} is already called '{request.Name!.Trim()}'.", StatusCodes.Status409Conflict);
            }

            var server = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
            return Results.Created($"{kind.Route}/{record.Id}", new
            {
                id = record.Id,
                name = record.Name,
                prefix = record.Prefix,
                createdAt = record.CreatedAt,
                secret,
                usage = CredentialUsage.For(kind, server, record.Name, secret),
            });
        });

        api.MapDelete("/{id:long}", async (long id, HttpContext http, CredentialStore store, CancellationToken cancellationToken) =>
            await store.RevokeAsync(kind, id, Actor(http), cancellationToken) is null
                ? Results.Problem($"There is no {kind.Label} with id {id}.", statusCode: StatusCodes.Status404NotFound, title: $"No such {kind.Label}")
                : Results.NoContent());
    }

    // The Admin policy guarantees a signed-in user: an unnamed one would be an audit entry nobody can be held to.
    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? throw new InvalidOperationException("An admin endpoint ran without a signed-in user.");

    private static IResult NameProblem(string problem, int status) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] }, statusCode: status, title: "The name will not do");
}
