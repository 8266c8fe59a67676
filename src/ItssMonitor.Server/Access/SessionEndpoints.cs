using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Signing in and out over the API: <c>POST /api/v1/session</c> with a name and password sets the sign-in cookie,
/// <c>DELETE /api/v1/session</c> clears it. A wrong name and a wrong password get the same answer.
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSession(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/session", async (SessionRequest request, HttpContext http, UserStore users, CancellationToken cancellationToken) =>
        {
            if (request is not { Name: { Length: > 0 } name, Password: { Length: > 0 } password })
            {
                return Results.Problem("Both 'name' and 'password' are required.", statusCode: StatusCodes.Status400BadRequest, title: "Sign-in incomplete");
            }

            if (await users.VerifyAsync(name, password, cancellationToken) is not { } user)
            {
                return Results.Problem("The name or the password is wrong, or the account is disabled.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user.Name, user.Role));
            return Results.Ok(new { name = user.Name, role = user.Role });
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Name);

        endpoints.MapDelete("/api/v1/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The principal a signed-in user carries: the name, and the role <see cref="AccessPolicies"/> check.</summary>
    public static ClaimsPrincipal Principal(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
        CookieAuthenticationDefaults.AuthenticationScheme));
}
