using System.Net.Http.Json;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.IntegrationTests.Web;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// Signing in and out in Chromium, the admin pages, and every kind of page rendering under the server's
/// Content-Security-Policy with nothing refused in the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserServer browser) : BrowserTest(browser)
{
    private const string Password = "operator-password-1234";
    private static readonly PageWaitForURLOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_person_signs_in_sees_who_they_are_and_signs_out()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        await server.CreateUserAsync("otto", Password, "Operator");
        var page = await Browser.NewPageAsync(1280, 800);
        var refused = Refusals(page);

        await page.GotoAsync(new Uri(server.Url, "incidents").ToString());
        Assert.EndsWith("/login?ReturnUrl=%2Fincidents", page.Url);
        await page.FillAsync("input[name='Input.Name']", "otto");
        await page.FillAsync("input[name='Input.Password']", "not the password");
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".access-error").WaitForAsync();
        Assert.Equal("The name or the password is wrong, or the account is disabled.", await page.Locator(".access-error").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("login-failed") });

        await page.FillAsync("input[name='Input.Name']", "otto");
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/incidents", Soon);
        await page.WaitForSelectorAsync("[data-live=true]", new() { Timeout = 15_000 });
        Assert.Equal("otto", await page.Locator(".signed-in .user-name").InnerTextAsync());
        Assert.Equal("Operator", await page.Locator(".signed-in .user-role").InnerTextAsync());
        Assert.Equal(0, await page.Locator("nav a[href='admin/users']").CountAsync());
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("signed-in-operator") });

        await page.ClickAsync("button.sign-out");
        await page.WaitForURLAsync("**/login", Soon);
        await page.GotoAsync(new Uri(server.Url, "incidents").ToString());
        Assert.Contains("/login?ReturnUrl=", page.Url);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task An_admin_creates_an_account_on_the_users_page_sees_it_audited_and_every_page_renders_under_the_policy()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        var page = await Browser.NewPageAsync();
        var refused = Refusals(page);
        await SignedInPage.SignInAsync(page, server);

        await LivePage.OpenAsync(page, new Uri(server.Url, "admin/users").ToString());
        await page.FillAsync(".admin-form input[name=name]", "vera");
        await page.FillAsync(".admin-form input[name=password]", "short");
        await page.ClickAsync(".admin-form button[type=submit]");
        await page.Locator("[data-testid=users-message]", new() { HasText = "at least 12 characters" }).WaitForAsync();
        await page.FillAsync(".admin-form input[name=password]", "viewer-password-1234");
        await page.ClickAsync(".admin-form button[type=submit]");
        await page.Locator("tr[data-user=vera]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("admin-users") });

        await page.ClickAsync("nav a[href='admin/audit']");
        var created = page.Locator("tr[data-action='user.create']", new() { HasText = "vera" });
        await created.WaitForAsync();
        Assert.Equal(ServerProcess.AdminName, await created.Locator(".actor").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("admin-audit") });

        foreach (var path in new[] { "", "incidents", "reports", "services/Payments%20API", "admin/users" })
        {
            await page.GotoAsync(new Uri(server.Url, path).ToString());
            await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("csp-" + path.Replace('/', '-')) });
            await page.WaitForSelectorAsync("[data-live=true]", new() { Timeout = 15_000 });
        }

        await page.GotoAsync(new Uri(server.Url, "wall").ToString());
        await page.Locator(".tile[data-name='Payments API']").WaitForAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("wall-under-csp") });
        var jobs = await page.GotoAsync(new Uri(server.Url, "hangfire").ToString());
        Assert.Equal(200, jobs!.Status);
        await page.GotoAsync(new Uri(server.Url, "login").ToString());
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_Viewer_sees_the_open_alerts_without_the_controls_to_act_on_them()
    {
        await using var server = await HubServer.StartAsync();
        await server.PushAsync("Search", up: false, latencyMs: 0);
        using var api = new AlertApi(server.Process);
        var id = (await api.WaitForServiceDownAsync("Search", "firing")).GetProperty("id").GetString()!;
        await server.Process.CreateUserAsync("vera", Password, "Viewer");
        var page = await Browser.NewPageAsync();
        await SignedInPage.SignInAsync(page, server.Process, "vera", Password);

        await LivePage.OpenAsync(page, new Uri(server.Process.Url, "incidents").ToString());
        var row = page.Locator($"tr.alert-row[data-alert-id='{id}']");
        await row.WaitForAsync(new() { Timeout = 10_000 });

        Assert.Equal(0, await row.Locator("button.acknowledge, button.resolve").CountAsync());
        Assert.Equal(1, await row.Locator("button.timeline-toggle").CountAsync());
        Assert.Equal("Viewer", await page.Locator(".signed-in .user-role").InnerTextAsync());
    }

    [Fact]
    public async Task An_Operator_demoted_while_the_page_is_open_can_no_longer_act_from_it()
    {
        await using var server = await HubServer.StartAsync();
        await server.PushAsync("Search", up: false, latencyMs: 0);
        using var api = new AlertApi(server.Process);
        var id = (await api.WaitForServiceDownAsync("Search", "firing")).GetProperty("id").GetString()!;
        await server.Process.CreateUserAsync("otto", Password, "Operator");
        var page = await Browser.NewPageAsync();
        await SignedInPage.SignInAsync(page, server.Process, "otto", Password);
        await LivePage.OpenAsync(page, new Uri(server.Process.Url, "incidents").ToString());
        var row = page.Locator($"tr.alert-row[data-alert-id='{id}']");
        await row.WaitForAsync(new() { Timeout = 10_000 });

        using (var admin = await server.Process.CreateClientAsync())
        {
            using var demoted = await admin.PutAsJsonAsync("api/v1/users/otto", new { role = "Viewer" });
            Assert.Equal(System.Net.HttpStatusCode.NoContent, demoted.StatusCode);
        }

        await row.Locator("button.acknowledge").ClickAsync();
        await page.Locator("button.confirm").ClickAsync();
        var error = page.Locator(".alert-form .alert-error");
        await error.WaitForAsync(new() { Timeout = 10_000 });
        Assert.StartsWith("Your account may no longer acknowledge or resolve", await error.InnerTextAsync());
        var (_, _, alert) = await api.GetAsync($"api/v1/alerts/{id}");
        Assert.Equal("firing", alert.GetProperty("alert").GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_admin_disabled_while_an_admin_page_is_open_is_sent_to_sign_in_by_the_page_within_a_minute()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        await server.CreateUserAsync("dora", Password, "Admin");
        var page = await Browser.NewPageAsync();
        await SignedInPage.SignInAsync(page, server, "dora", Password);
        await LivePage.OpenAsync(page, new Uri(server.Url, "admin/users").ToString());

        using (var admin = await server.CreateClientAsync())
        {
            using var disabled = await admin.PutAsJsonAsync("api/v1/users/dora", new { disabled = true });
            Assert.Equal(System.Net.HttpStatusCode.NoContent, disabled.StatusCode);
        }

        // No request of its own: the open circuit finds out at its next check (every 30 s) and leaves the page.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login", new() { Timeout = 60_000 });
    }

    // Console errors and page errors: a Content-Security-Policy refusal shows as one.
    private static List<string> Refusals(IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => refused.Add($"{page.Url}: {error}");
        return refused;
    }
}
