using System.Security.Claims;
using ItssMonitor.Server.Access.Oidc;

namespace ItssMonitor.UnitTests.Access;

/// <summary>The provider's groups and app roles to one of the three roles: the highest mapped wins, else the default, else nobody.</summary>
public sealed class OidcRoleMappingTests
{
    private static readonly OidcOptions Mapped = new()
    {
        Roles = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Viewer"] = ["noc-viewers"],
            ["operator"] = ["noc-operators"],
            ["Admin"] = ["noc-admins"],
        },
    };

    [Fact]
    public void The_highest_role_any_group_maps_to_wins()
    {
        Assert.Equal("Admin", OidcRoleMapping.RoleOf(Mapped, Claims(("groups", "noc-viewers"), ("groups", "noc-admins"), ("groups", "noc-operators"))));
        Assert.Equal("Operator", OidcRoleMapping.RoleOf(Mapped, Claims(("groups", "staff"), ("groups", "noc-operators"))));
    }

    [Fact]
    public void Without_a_role_claim_setting_both_groups_and_roles_are_read_and_with_one_only_that_claim()
    {
        Assert.Equal("Operator", OidcRoleMapping.RoleOf(Mapped, Claims(("roles", "noc-operators"))));

        var groupsOnly = new OidcOptions { Roles = Mapped.Roles, RoleClaim = "groups" };
        Assert.Null(OidcRoleMapping.RoleOf(groupsOnly, Claims(("roles", "noc-operators"))));
    }

    [Fact]
    public void A_user_in_no_mapped_group_gets_the_default_role_or_none_and_names_compare_exactly()
    {
        Assert.Null(OidcRoleMapping.RoleOf(Mapped, Claims(("groups", "NOC-Operators"), ("name", "noc-admins"))));

        var withDefault = new OidcOptions { Roles = Mapped.Roles, DefaultRole = "viewer" };
        Assert.Equal("Viewer", OidcRoleMapping.RoleOf(withDefault, Claims(("groups", "marketing"))));
    }

    [Fact]
    public void Settings_are_checked_naming_each_key_and_good_ones_pass()
    {
        var bad = new OidcOptions { Authority = "https//sso", Roles = new() { ["Root"] = ["x"] }, DefaultRole = "Guest", NameClaim = " " };

        var failures = new OidcOptionsValidator().Validate(null, bad).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.Collection(failures,
            f => Assert.StartsWith("Auth:Oidc:Authority 'https//sso' is not an absolute https:// URL", f),
            f => Assert.StartsWith("Auth:Oidc:ClientId is required", f),
            f => Assert.StartsWith("Auth:Oidc:NameClaim is empty", f),
            f => Assert.StartsWith("Auth:Oidc:Roles:Root is not a role", f),
            f => Assert.StartsWith("Auth:Oidc:DefaultRole 'Guest' is not a role", f));
        Assert.True(new OidcOptionsValidator().Validate(null, new OidcOptions { Authority = "https://sso.example.com/realms/noc", ClientId = "itss", Roles = Mapped.Roles }).Succeeded);
        Assert.True(new OidcOptionsValidator().Validate(null, new OidcOptions { Authority = "http://127.0.0.1:8080", ClientId = "itss", DefaultRole = "Viewer" }).Succeeded);
        Assert.False(new OidcOptionsValidator().Validate(null, new OidcOptions { Authority = "http://10.0.0.5", ClientId = "itss", DefaultRole = "Viewer" }).Succeeded);
    }

    private static Claim[] Claims(params (string Type, string Value)[] claims) => [.. claims.Select(claim => new Claim(claim.Type, claim.Value))];
}
