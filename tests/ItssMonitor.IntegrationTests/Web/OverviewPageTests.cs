using System.Diagnostics;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary><c>/</c> in the real browser against the real server: counts, order, search, filters, live updates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserServer browser, PagesEstate estate) : BrowserTest(browser), IClassFixture<PagesEstate>
{
    [Fact]
    public async Task Lists_every_service_worst_first_with_the_count_of_each_state()
    {
        var page = await Browser.NewPageAsync(1920, 1080);

        await LivePage.OpenAsync(page, estate.Url.ToString());

        await LivePage.ExpectRowsAsync(page, [.. PagesEstate.WorstFirst]);
        foreach (var (state, count) in new[] { ("down", "1"), ("degraded", "1"), ("stale", "1"), ("unknown", "1"), ("up", "2") })
        {
            var tile = page.Locator($".state-tile[data-state={state}]");
            Assert.Equal(count, await tile.Locator(".tile-count").InnerTextAsync());
            Assert.Equal(state, (await tile.Locator(".tile-word").InnerTextAsync()).ToLowerInvariant());
        }

        var payments = page.Locator("tr.service-row[data-service='Payments API']");
        Assert.Equal("Degraded", await payments.Locator(".state-badge .state-word").InnerTextAsync());
        Assert.Contains("HTTP 503 Service Unavailable", await payments.Locator(".col-failing").InnerTextAsync());
        Assert.Equal("payments", await payments.Locator(".col-team").InnerTextAsync());
        Assert.Matches(@"^\d+ ms$", await payments.Locator("td.col-number").First.InnerTextAsync());
        Assert.Equal("6 services", await page.Locator("[data-testid=shown]").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("overview"), FullPage = false });
    }

    [Fact]
    public async Task Search_matches_services_checks_and_teams()
    {
        var page = await Browser.NewPageAsync();
        await LivePage.OpenAsync(page, estate.Url.ToString());
        var search = page.Locator("input[name=search]");

        await search.FillAsync("ledg");
        await LivePage.ExpectRowsAsync(page, "Ledger");

        await search.FillAsync("LOGIN");
        await LivePage.ExpectRowsAsync(page, "Payments API");

        await search.FillAsync("finance");
        await LivePage.ExpectRowsAsync(page, "Ledger", "Reports");

        await search.FillAsync("no such thing");
        await LivePage.ExpectRowsAsync(page);
        Assert.Contains("No service matches", await page.Locator("tbody").InnerTextAsync());
    }

    [Fact]
    public async Task Team_tag_and_state_filters_narrow_the_table_and_the_counts_follow_them()
    {
        var page = await Browser.NewPageAsync();
        await LivePage.OpenAsync(page, estate.Url.ToString());

        await ChooseAsync(page, ".filter-team", "web");
        await LivePage.ExpectRowsAsync(page, PagesEstate.Unicode, "Search");
        Assert.Equal("0", await page.Locator(".state-tile[data-state=down] .tile-count").InnerTextAsync());
        Assert.Equal("2", await page.Locator(".state-tile[data-state=up] .tile-count").InnerTextAsync());

        await page.Locator("button.clear-filters").ClickAsync();
        await ChooseAsync(page, ".filter-tag", "critical");
        await LivePage.ExpectRowsAsync(page, "Ledger", "Payments API");

        await page.Locator("button.clear-filters").ClickAsync();
        await page.Locator(".state-tile[data-state=up]").ClickAsync();
        await LivePage.ExpectRowsAsync(page, PagesEstate.Unicode, "Search");
        await page.Locator(".state-tile[data-state=up]").ClickAsync();
        await LivePage.ExpectRowsAsync(page, PagesEstate.WorstFirst);
    }

    [Fact]
    public async Task A_row_links_to_the_service_page_even_for_a_name_with_spaces_a_slash_and_unicode()
    {
        var page = await Browser.NewPageAsync();
        await LivePage.OpenAsync(page, estate.Url.ToString());

        await page.Locator($"tr.service-row[data-service='{PagesEstate.Unicode}'] .col-service a").ClickAsync();

        await page.WaitForSelectorAsync("[data-testid=service-name]");
        Assert.Equal(PagesEstate.Unicode, await page.Locator("[data-testid=service-name]").InnerTextAsync());
        Assert.Equal(estate.PageOf(PagesEstate.Unicode), page.Url);
        Assert.Contains("tür / ½", await page.Locator("table.checks-table").InnerTextAsync());
    }

    [Fact]
    public async Task A_pushed_state_change_shows_on_the_open_overview_within_a_second_without_a_reload()
    {
        // A server of its own: this test changes states the others count.
        var live = new PagesEstate();
        try
        {
            await live.StartAsync();
            var page = await Browser.NewPageAsync();
            await LivePage.OpenAsync(page, live.Url.ToString());
            await page.EvaluateAsync("() => window.notReloaded = true");
            var search = page.Locator("tr.service-row[data-service='Search']");
            Assert.Equal("Up", await search.Locator(".state-badge .state-word").InnerTextAsync());

            var now = DateTimeOffset.UtcNow;
            await live.PushAsync([
                PagesEstate.Sample("Search", "query", now.AddMilliseconds(-200), up: false, error: "HTTP 500 Internal Server Error"),
                PagesEstate.Sample("Search", "query", now, up: false, error: "HTTP 500 Internal Server Error"),
            ]);
            var clock = Stopwatch.StartNew();
            await page.Locator("tr.service-row[data-service='Search'] .state-badge[data-state=down]").WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            var elapsed = clock.Elapsed;

            Assert.True(elapsed < TimeSpan.FromMilliseconds(1_500), $"the change took {elapsed.TotalMilliseconds:0} ms to show");
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
            Assert.Equal(["Ledger", "Search", "Payments API"], (await LivePage.RowsAsync(page)).Take(3));
            Assert.Equal("2", await page.Locator(".state-tile[data-state=down] .tile-count").InnerTextAsync());
            Assert.Contains("HTTP 500 Internal Server Error", await page.Locator("tr.service-row[data-service='Search'] .col-failing").InnerTextAsync());
        }
        finally
        {
            await live.DisposeAsync();
        }
    }

    /// <summary>Picks an item of a Radzen drop-down as a user does: open it, click the item.</summary>
    private static async Task ChooseAsync(IPage page, string dropDown, string item)
    {
        await page.Locator(dropDown).ClickAsync();
        await page.Locator(".rz-dropdown-item:visible", new PageLocatorOptions { HasText = item }).First.ClickAsync();
    }
}
