using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Maintenance;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>The service page's maintenance panel in the real browser: an Operator starts a window and ends it; others see no controls.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MaintenancePanelTests(BrowserServer browser) : BrowserTest(browser)
{
    private MaintenanceServer _server = null!;

    // Anonymous viewers see the pages, so "not signed in" is a Viewer here, not a trip to the login page.
    public override async Task InitializeAsync() => _server = await MaintenanceServer.StartAsync(("Auth__AnonymousViewer", "true"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_starts_maintenance_from_the_service_page_and_ends_it_there()
    {
        var page = await Browser.NewPageAsync();
        var signIn = await page.Context.APIRequest.PostAsync(new Uri(_server.Server.Process.Url, "api/v1/session").ToString(),
            new APIRequestContextOptions { DataObject = new { name = MaintenanceServer.AdminName, password = MaintenanceServer.AdminPassword } });
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        await LivePage.OpenAsync(page, new Uri(_server.Server.Process.Url, "services/Ledger").ToString());
        await page.Locator("[data-testid=no-maintenance]").WaitForAsync();

        await page.Locator("[data-testid=maintenance-reason]").FillAsync("disk swap");
        await page.Locator("[data-testid=start-maintenance]").ClickAsync();

        await page.Locator(".page-heading .state-badge[data-state=maintenance]").WaitForAsync();
        Assert.Equal("disk swap", await page.Locator(".page-heading .state-badge .state-window").InnerTextAsync());
        var window = page.Locator(".maintenance-windows li[data-source=operator]");
        Assert.Contains($"set by {MaintenanceServer.AdminName}", await window.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("service-maintenance") });

        await window.Locator("[data-testid=end-maintenance]").ClickAsync();
        await page.Locator("[data-testid=no-maintenance]").WaitForAsync();
        await page.Locator(".page-heading .state-badge[data-state=unknown]").WaitForAsync();
    }

    [Fact]
    public async Task An_anonymous_viewer_sees_the_windows_but_no_maintenance_controls()
    {
        var page = await Browser.NewPageAsync();
        await _server.Admin.PostAsync("api/v1/maintenance", MaintenanceServer.Window("failover drill", DateTimeOffset.UtcNow.AddHours(1), "Ledger"));

        await LivePage.OpenAsync(page, new Uri(_server.Server.Process.Url, "services/Ledger").ToString());

        await page.Locator(".maintenance-windows li[data-source=operator]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=start-maintenance], [data-testid=end-maintenance]").CountAsync());
    }
}
