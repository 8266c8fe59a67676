using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>The real browser renders a page the real server serves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserServer browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Chromium_opens_a_page_of_the_server()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        var page = await Browser.NewPageAsync();

        var response = await page.GotoAsync(new Uri(server.Url, "healthz").ToString());

        Assert.Equal(200, response!.Status);
        Assert.Contains("Healthy", await page.ContentAsync());
    }
}
