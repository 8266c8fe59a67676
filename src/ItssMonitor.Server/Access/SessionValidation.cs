using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Checks a session cookie against the account on every request: a disabled account's sessions stop at once (the
/// cookie alone would last its whole lifetime), and a changed role takes effect without signing in again. A principal
/// with no local account (signed in another way) is left as it is.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.Name is not { } name)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        if (await users.FindAsync(name, context.HttpContext.RequestAborted) is not { } user)
        {
            return;
        }

        if (user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (context.Principal.FindFirstValue(ClaimTypes.Role) != user.Role)
        {
            context.ReplacePrincipal(SessionEndpoints.Principal(user.Name, user.Role));
            context.ShouldRenew = true;
        }
    }
}
