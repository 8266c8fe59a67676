using Microsoft.AspNetCore.Authorization;

namespace ItssMonitor.Server.Access;

/// <summary>
/// The authorization policies endpoints name: one per role, each met by that role or a higher one
/// (<c>RequireAuthorization(AccessPolicies.Operator)</c> lets Operators and Admins through).
/// </summary>
public static class AccessPolicies
{
    public const string Viewer = Roles.Viewer;
    public const string Operator = Roles.Operator;
    public const string Admin = Roles.Admin;

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, policy => policy.RequireRole(Roles.AtLeast(role)));
        }
    }
}
