using System.Security.Claims;
using ItssMonitor.Storage.Relational.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Checks a session cookie against the account on every request: the sessions of a disabled account, or of a password
/// changed since, stop at once (the cookie alone would last its whole lifetime), and a changed role takes effect
/// without signing in again. A principal
/// signed in another way (single sign-on) is left as it is, even when a local account has its name. While the store
/// cannot be read the session stands as its signed cookie says: a disabled account is stopped once the store answers
/// again, rather than every signed-in person being turned away during the outage.
/// </summary>
internal static partial class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.Name is not { } name
            || context.Principal.FindFirstValue(SessionEndpoints.SourceClaim) != SessionEndpoints.LocalAccount
            || AnonymousEndpoints.Serve(context.HttpContext))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        UserRecord? user;
        try
        {
            user = await services.GetRequiredService<UserStore>().FindAsync(name, context.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreUnreadable(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidation)), exception, name);
            return;
        }

        switch (SessionEndpoints.Standing(context.Principal, user))
        {
            case SessionStanding.Ended:
                // Gone, disabled, or its password changed since (a suspected stolen session is ended by a new password).
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                break;
            case SessionStanding.RoleChanged:
                context.ReplacePrincipal(SessionEndpoints.Principal(user!));
                context.ShouldRenew = true;
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account of {Name}'s session could not be read; the session stands as its cookie says until the store answers")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception exception, string name);
}
