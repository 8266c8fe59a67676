using ItssMonitor.Server.Ingest;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Decides <see cref="ViewerAccessRequirement"/>. Anonymous viewing is granted here, in authorization, rather than by
/// signing anonymous requests in as someone: it can then never reach an Operator or Admin policy, and whichever
/// authentication schemes exist (cookie, kiosk token) keep working unchanged beside it.
/// </summary>
internal sealed class ViewerAccessHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<ViewerAccessRequirement>
{
    private static readonly string[] ViewerOrAbove = Roles.AtLeast(Roles.Viewer);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ViewerAccessRequirement requirement)
    {
        var user = context.User;
        var signedIn = user.Identities.Any(identity => identity.IsAuthenticated);
        if (ViewerOrAbove.Any(user.IsInRole)
            || (requirement.AcceptsIngestKey && user.Identities.Any(identity => identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName }))
            || (!signedIn && options.CurrentValue.AnonymousViewer))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
