using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>Opening a page of the server and waiting until it is interactive (its live connection is up), as a user would see it.</summary>
internal static class LivePage
{
    public static async Task<IResponse?> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-live=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        return response;
    }

    /// <summary>The services the overview's table shows, top to bottom.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(IPage page) =>
        await page.Locator("tr.service-row").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.service)");

    /// <summary>Waits (up to 5 s) until the overview shows exactly these services.</summary>
    public static async Task ExpectRowsAsync(IPage page, params string[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        IReadOnlyList<string> rows = [];
        while (DateTime.UtcNow < deadline)
        {
            rows = await RowsAsync(page);
            if (rows.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Equal(expected, rows);
    }

    public static string Screenshot(string name) => Path.Combine(TestServers.BrowserServer.ScreenshotDirectory, name + ".png");
}
