using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Web;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>The kiosk URL on a wall display, and the admin pages that hand out kiosk tokens and API keys, in the real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskTokenWallTests(BrowserServer browser) : BrowserTest(browser)
{
    private readonly AccessKeysServer _server = new();

    public override Task InitializeAsync() => _server.InitializeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task KioskToken_url_shows_the_wall_with_live_status_changes_in_Chromium()
    {
        var token = await _server.CreateAsync("api/v1/kiosk-tokens", "Chromium wall");
        await PushAsync(up: true);
        var page = await Browser.NewPageAsync();
        var hubRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/status", StringComparison.Ordinal))
            {
                lock (hubRequests)
                {
                    hubRequests.Add(request.Url);
                }
            }
        };

        await page.GotoAsync(token.Usage);
        await WaitForStateAsync(page, "up");
        await PushAsync(up: false);
        await WaitForStateAsync(page, "down");

        Assert.Equal("live", await page.EvaluateAsync<string>("() => document.documentElement.dataset.connection"));
        lock (hubRequests)
        {
            Assert.NotEmpty(hubRequests);
            Assert.All(hubRequests, url => Assert.Contains("kiosk=" + token.Secret, url, StringComparison.Ordinal));
        }

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "itss-kiosk");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    [Theory]
    [InlineData("admin/api-keys", "api/v1/api-keys", "Telegraf in rack 7")]
    [InlineData("admin/kiosk", "api/v1/kiosk-tokens", "Lobby wall left")]
    public async Task KioskToken_and_ApiKey_admin_pages_show_the_secret_once_and_revoke_after_confirmation(string pagePath, string route, string name)
    {
        var page = await Browser.NewPageAsync();
        await using (var signIn = await page.Context.APIRequest.PostAsync(new Uri(_server.Server.Url, "api/v1/session").ToString(), new() { DataObject = new { name = ServerProcess.AdminName, password = ServerProcess.AdminPassword } }))
        {
            Assert.True(signIn.Ok, $"signing in answered {signIn.Status}");
        }

        await LivePage.OpenAsync(page, new Uri(_server.Server.Url, pagePath).ToString());
        await page.Locator("input[name=name]").FillAsync(name);
        await page.Locator(".credential-form button[type=submit]").ClickAsync();
        var secret = await page.Locator("[data-testid=secret]").InnerTextAsync();
        var usage = await page.Locator("[data-testid=usage]").InnerTextAsync();
        Assert.Contains(secret, usage, StringComparison.Ordinal);
        Assert.Contains(route.EndsWith("api-keys", StringComparison.Ordinal) ? "[[outputs.influxdb]]" : "/wall?kiosk=", usage, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("admin-" + pagePath.Split('/')[^1]) });

        var row = page.Locator($"tr[data-name='{name}']");
        Assert.Equal("active", await row.GetAttributeAsync("data-state"));
        Assert.Equal("never", await row.Locator(".last-used").InnerTextAsync());
        await UseAsync(route, secret);

        // Reloaded, the page lists it without the secret, with its use.
        await LivePage.OpenAsync(page, new Uri(_server.Server.Url, pagePath).ToString());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotEqual("never", await row.Locator(".last-used").InnerTextAsync());

        await row.Locator("button.revoke").ClickAsync();
        Assert.Equal("active", await row.GetAttributeAsync("data-state"));
        await row.Locator("button.revoke-confirm").ClickAsync();
        await page.Locator($"tr[data-name='{name}'][data-state=revoked]").WaitForAsync(new() { Timeout = 10_000 });
        var listed = Assert.Single(await _server.ListAsync(route), entry => entry.GetProperty("name").GetString() == name);
        Assert.Equal(ServerProcess.AdminName, listed.GetProperty("revokedBy").GetString());
    }

    private async Task UseAsync(string route, string secret)
    {
        if (route.EndsWith("api-keys", StringComparison.Ordinal))
        {
            await AccessKeysServer.UntilAsync(async () => await _server.PushWithAsync(secret) == HttpStatusCode.Accepted, "the new key to be accepted");
        }
        else
        {
            using var client = _server.NewClient();
            using var wall = await client.GetAsync("wall?kiosk=" + secret);
            var me = await client.GetFromJsonAsync<JsonElement>("api/v1/me");
            Assert.Equal("Viewer", me.GetProperty("role").GetString());
        }
    }

    private Task PushAsync(bool up) =>
        _server.Push.PushAsync(PushServer.CheckResult(AccessKeysServer.Service, AccessKeysServer.Check, up, PushServer.NextTimestamp()));

    private static Task WaitForStateAsync(IPage page, string state) =>
        page.WaitForFunctionAsync(
            "([name, state]) => document.querySelector(`.tile[data-name=\"${CSS.escape(name)}\"]`)?.dataset.state === state",
            new[] { AccessKeysServer.Service, state },
            new() { Timeout = 15_000, PollingInterval = 50 });
}
