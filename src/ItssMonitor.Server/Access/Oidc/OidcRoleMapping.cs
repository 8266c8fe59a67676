using System.Security.Claims;

namespace ItssMonitor.Server.Access.Oidc;

/// <summary>Turns an identity provider's user into the user the app knows: a name and one role, or nobody.</summary>
internal static class OidcRoleMapping
{
    /// <summary>
    /// The highest role any of the user's claim values (groups, app roles) is mapped to, else the default role;
    /// null when neither gives one. Group names compare exactly, as providers spell them.
    /// </summary>
    public static string? RoleOf(OidcOptions options, IEnumerable<Claim> claims)
    {
        var wanted = options.RoleClaims;
        var values = claims.Where(claim => wanted.Contains(claim.Type, StringComparer.Ordinal)).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        var granted = Roles.All.Reverse().FirstOrDefault(role =>
            options.Roles.FirstOrDefault(mapping => Roles.Parse(mapping.Key) == role).Value is { } groups && groups.Any(values.Contains));
        return granted ?? Roles.Parse(options.DefaultRole);
    }
}
