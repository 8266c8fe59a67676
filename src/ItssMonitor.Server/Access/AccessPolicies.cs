using ItssMonitor.Server.Ingest;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace ItssMonitor.Server.Access;

/// <summary>
/// The authorization policies endpoints name: one per role, each met by that role or a higher one
/// (<c>RequireAuthorization(AccessPolicies.Operator)</c> lets Operators and Admins through). Viewer is also the
/// fallback for any endpoint that names no policy, and is met without sign-in when <c>Auth:AnonymousViewer</c> is on.
/// <see cref="Metrics"/> is Viewer or an ingest API key.
/// </summary>
public static class AccessPolicies
{
    public const string Viewer = Roles.Viewer;
    public const string Operator = Roles.Operator;
    public const string Admin = Roles.Admin;
    public const string Metrics = "Metrics";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, policy => policy.AddRequirements(new ViewerAccessRequirement(AcceptsIngestKey: false)));
        options.AddPolicy(Operator, policy => policy.RequireRole(Roles.AtLeast(Operator)));
        options.AddPolicy(Admin, policy => policy.RequireRole(Roles.AtLeast(Admin)));
        // The cookie first: its challenge only sets 401, the key's then writes the body that says how to send a key.
        options.AddPolicy(Metrics, policy => policy
            .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .AddRequirements(new ViewerAccessRequirement(AcceptsIngestKey: true)));

        // An endpoint mapped without a decision is for Viewers, never open; the access test lists each one's decision.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
