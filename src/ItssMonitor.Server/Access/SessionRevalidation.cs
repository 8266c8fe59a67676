using System.Security.Claims;
using ItssMonitor.Server.Access.Keys;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Checks every live page's sign-in again every <see cref="RevalidationInterval"/>: a Blazor circuit keeps the
/// principal it opened with for as long as the tab stays open, where requests are checked one by one
/// (<see cref="SessionValidation"/>). A local account disabled or given another role, or a kiosk token revoked, ends
/// the circuit's sign-in, and its pages send it to sign in again.
/// </summary>
internal sealed partial class SessionRevalidation(ILoggerFactory loggers, UserStore users, CredentialStore credentials, ILogger<SessionRevalidation> logger)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await StillValidAsync(authenticationState.User, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As for requests: while the store cannot be read, a sign-in stands as it was; the next round tries again.
            LogStoreUnreadable(exception);
            return true;
        }
    }

    private async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (KioskAuthenticationHandler.TokenId(user) is { } tokenId)
        {
            return (await credentials.StillActiveAsync(CredentialKind.KioskToken, [tokenId], cancellationToken)).Contains(tokenId);
        }

        if (user.FindFirstValue(SessionEndpoints.SourceClaim) != SessionEndpoints.LocalAccount || user.Identity?.Name is not { } name)
        {
            return true;
        }

        return SessionEndpoints.Standing(user, await users.FindAsync(name, cancellationToken)) == SessionStanding.Current;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page's sign-in could not be checked again; it stands until the next check")]
    private partial void LogStoreUnreadable(Exception exception);
}
