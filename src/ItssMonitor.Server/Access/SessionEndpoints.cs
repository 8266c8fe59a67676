using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ItssMonitor.Storage.Relational.Users;
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

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user));
            return Results.Ok(new { name = user.Name, role = user.Role });
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Name);

        endpoints.MapDelete("/api/v1/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "itss-session";

    /// <summary>The claim saying how a user signed in: <see cref="LocalAccount"/>, or the single sign-on scheme's name.</summary>
    public const string SourceClaim = "itss:source";

    /// <summary>The <see cref="SourceClaim"/> of a local account's sign-in, the only kind checked against the users table.</summary>
    public const string LocalAccount = "local";

    /// <summary>The claim a local account's session carries to tell which password it was signed in with.</summary>
    public const string PasswordStampClaim = "itss:password-stamp";

    /// <summary>
    /// The principal a signed-in user carries: the name, the role <see cref="AccessPolicies"/> check, and how they
    /// signed in (<paramref name="source"/>), so a single sign-on user is never taken for a local account of the same name.
    /// </summary>
    public static ClaimsPrincipal Principal(string name, string role, string source, params Claim[] more) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SourceClaim, source), .. more],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>A local account's principal, with a stamp of its password: a new password ends the sessions of the old one.</summary>
    public static ClaimsPrincipal Principal(UserRecord user) =>
        Principal(user.Name, user.Role, LocalAccount, new Claim(PasswordStampClaim, PasswordStamp(user)));

    /// <summary>How a local account's session stands against its account as read now (null: no such account).</summary>
    public static SessionStanding Standing(ClaimsPrincipal principal, UserRecord? user) =>
        user is null || user.Disabled || principal.FindFirstValue(PasswordStampClaim) != PasswordStamp(user) ? SessionStanding.Ended
        : principal.FindFirstValue(ClaimTypes.Role) != user.Role ? SessionStanding.RoleChanged
        : SessionStanding.Current;

    // A digest of the stored hash, not the hash: the cookie is encrypted, but it need not carry even that.
    private static string PasswordStamp(UserRecord user) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)), 0, 8);
}
