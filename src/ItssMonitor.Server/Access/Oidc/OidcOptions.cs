namespace ItssMonitor.Server.Access.Oidc;

/// <summary>
/// OpenID Connect sign-in (section <c>Auth:Oidc</c>), on when <see cref="Authority"/> is set: the identity provider's
/// users sign in with the authorization code flow (PKCE), and their groups map to one of the three roles.
/// </summary>
internal sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The issuer, e.g. <c>https://sso.example.com/realms/noc</c>; its discovery document is read from <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE alone); a confidential client's secret otherwise.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes to ask for; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The provider's name on the sign-in button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The claim that holds the user's name, shown in the app and the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim whose values <see cref="Roles"/> maps; unset, both <c>groups</c> and <c>roles</c> are read.</summary>
    public string? RoleClaim { get; set; }

    /// <summary>Role name (Viewer, Operator, Admin) to the claim values (group names) that grant it; the highest granted role wins.</summary>
    public Dictionary<string, List<string>> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The role of a user none of whose claim values is mapped; unset, such a user is refused.</summary>
    public string? DefaultRole { get; set; }

    /// <summary>The claims whose values are mapped to roles.</summary>
    public IReadOnlyList<string> RoleClaims => RoleClaim is { Length: > 0 } claim ? [claim] : ["groups", "roles"];
}
