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

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user.Name, user.Role, LocalAccount));
            return Results.Ok(new { name = user.Name, role = user.Role });
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Name);

        endpoints.MapDelete("/api/v1/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The claim saying how a user signed in: <see cref="LocalAccount"/>, or the single sign-on scheme's name.</summary>
    public const string SourceClaim = "itss:source";

    /// <summary>The <see cref="SourceClaim"/> of a local account's sign-in, the only kind checked against the users table.</summary>
    public const string LocalAccount = "local";

    /// <summary>
    /// The principal a signed-in user carries: the name, the role <see cref="AccessPolicies"/> check, and how they
    /// signed in (<paramref name="source"/>), so a single sign-on user is never taken for a local account of the same name.
    /// </summary>
    public static ClaimsPrincipal Principal(string name, string role, string source) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SourceClaim, source)],
        CookieAuthenticationDefaults.AuthenticationScheme));
}
