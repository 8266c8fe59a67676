using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// OpenID Connect sign-in in the real browser: the session cookie is SameSite=Strict, and the way back from the
/// identity provider is a cross-site navigation, so the first page after it must still see the user signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OidcBrowserSignInTests(BrowserServer browser) : BrowserTest(browser)
{
    private OidcProvider _provider = null!;
    private ServerProcess _server = null!;

    public override async Task InitializeAsync()
    {
        _provider = await OidcProvider.StartAsync("itss-monitor", "client-secret-" + Guid.NewGuid().ToString("N"), issuerHost: "localhost");
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Auth__Oidc__Authority"] = _provider.Issuer,
            ["Auth__Oidc__ClientId"] = _provider.ClientId,
            ["Auth__Oidc__ClientSecret"] = _provider.ClientSecret,
            ["Auth__Oidc__Roles__Operator__0"] = "noc-operators",
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_page_the_browser_returns_to_sees_the_user_signed_in()
    {
        _provider.SignInAs("olga", "noc-operators");
        var page = await Browser.NewPageAsync();

        await page.GotoAsync(new Uri(_server.Url, "login/oidc?returnUrl=/api/v1/me").ToString());
        await page.WaitForURLAsync("**/api/v1/me");

        Assert.Contains("\"name\":\"olga\"", await page.Locator("body").InnerTextAsync());
        Assert.Equal(1, _provider.TokensIssued);
    }
}
