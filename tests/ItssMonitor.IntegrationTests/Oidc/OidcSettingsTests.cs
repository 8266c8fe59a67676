using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Oidc;

/// <summary>Bad OpenID Connect settings stop the real server at start, each named by its key.</summary>
public sealed class OidcSettingsTests
{
    [Fact]
    public async Task A_plain_http_authority_a_missing_client_id_and_an_unknown_role_stop_the_start_naming_each_key()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Auth__Oidc__Authority"] = "http://sso.example.com/realms/noc",
            ["Auth__Oidc__Roles__Superuser__0"] = "noc-admins",
            ["Auth__Oidc__DefaultRole"] = "Guest",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Auth:Oidc:Authority 'http://sso.example.com/realms/noc' is not an absolute https:// URL", output);
        Assert.Contains("Auth:Oidc:ClientId is required", output);
        Assert.Contains("Auth:Oidc:Roles:Superuser is not a role", output);
        Assert.Contains("Auth:Oidc:DefaultRole 'Guest' is not a role", output);
    }
}
