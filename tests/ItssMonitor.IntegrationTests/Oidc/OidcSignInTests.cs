using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Oidc;

/// <summary>
/// OpenID Connect sign-in through a real server process and a real identity provider over HTTP (the code flow with
/// PKCE, an RS256 id_token): the provider's groups decide the role, and a user whose groups map to none gets no session.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private OidcProvider _provider = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _provider = await OidcProvider.StartAsync("itss-monitor", "client-secret-" + Guid.NewGuid().ToString("N"));
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Auth__Oidc__Authority"] = _provider.Issuer,
            ["Auth__Oidc__ClientId"] = _provider.ClientId,
            ["Auth__Oidc__ClientSecret"] = _provider.ClientSecret,
            ["Auth__Oidc__DisplayName"] = "Test SSO",
            ["Auth__Oidc__Roles__Operator__0"] = "noc-operators",
            ["Auth__Oidc__Roles__Admin__0"] = "noc-admins",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_member_of_the_operators_group_signs_in_as_an_Operator_under_their_name()
    {
        _provider.SignInAs("olga", "staff", "noc-operators");
        using var browser = new SessionClient(_server.Url);

        var (status, landed, me) = await browser.GetAsync("login/oidc?returnUrl=/api/v1/me");

        Assert.True(status == HttpStatusCode.OK, $"landed on {landed} with {(int)status}; provider refusals: {string.Join("; ", _provider.Refusals)}\n{_server.Output}");
        Assert.Equal("/api/v1/me", landed.AbsolutePath);
        Assert.Equal(("olga", "Operator"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        Assert.True(browser.HasSession);
        Assert.Equal(1, _provider.TokensIssued);
    }

    [Fact]
    public async Task A_single_sign_on_user_named_like_a_local_admin_keeps_the_role_the_provider_gave()
    {
        // The server's local admin is test-admin; the provider's user of that name is only an Operator there.
        _provider.SignInAs(ServerProcess.AdminName, "noc-operators");
        using var browser = new SessionClient(_server.Url);

        await browser.GetAsync("login/oidc?returnUrl=/api/v1/me");
        var (_, _, me) = await browser.GetAsync("api/v1/me");

        Assert.Equal((ServerProcess.AdminName, "Operator"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        var (status, _, _) = await browser.GetAsync("api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_user_whose_groups_map_to_no_role_is_refused_and_gets_no_session()
    {
        _provider.SignInAs("mallory", "marketing");
        using var browser = new SessionClient(_server.Url);

        var (_, landed, _) = await browser.GetAsync("login/oidc?returnUrl=/api/v1/me");

        // The provider did sign the user in and hand out a token: the refusal is ours, by role mapping.
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Equal("/denied", landed.AbsolutePath);
        Assert.False(browser.HasSession);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/v1/me")).Status);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_replaced_by_the_home_page()
    {
        _provider.SignInAs("adam", "noc-admins");
        using var browser = new SessionClient(_server.Url);

        var (_, landed, _) = await browser.GetAsync("login/oidc?returnUrl=" + Uri.EscapeDataString("//evil.example/phish"));

        Assert.Equal((_server.Url.Authority, "/"), (landed.Authority, landed.AbsolutePath));
        var (_, _, me) = await browser.GetAsync("api/v1/me");
        Assert.Equal(("adam", "Admin"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
    }
}
