using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary><c>/services/{name}</c> in the real browser against the real server: history, checks, SLA, 404, hostile names, a store that is down.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServiceDetailPageTests(BrowserServer browser, PagesEstate estate) : BrowserTest(browser), IClassFixture<PagesEstate>
{
    // A flat latency line has no height, which Playwright calls hidden: being in the chart is what counts.
    private static readonly LocatorWaitForOptions Attached = new() { State = WaitForSelectorState.Attached };

    [Fact]
    public async Task Shows_the_latency_chart_availability_checks_with_their_last_error_and_the_sla()
    {
        var page = await Browser.NewPageAsync(1920, 1080);

        await LivePage.OpenAsync(page, estate.PageOf("Payments API"));

        await page.Locator(".latency-chart .rz-line-series").First.WaitForAsync(Attached);
        Assert.Equal(2, await page.Locator(".latency-chart .rz-line-series").CountAsync());
        Assert.Contains("p95", await page.Locator(".latency-chart").InnerTextAsync());
        // Six hours of samples every five minutes, in the 24 h range's five-minute buckets: one coloured segment per bucket with samples.
        Assert.InRange(await page.Locator(".availability-strip .bucket").CountAsync(), 60, 80);

        var health = page.Locator("tr.check-row[data-check=health]");
        Assert.Equal("Down", await health.Locator(".state-badge .state-word").InnerTextAsync());
        Assert.Equal("HTTP 503 Service Unavailable, expected 2xx", await health.Locator(".check-error").InnerTextAsync());
        Assert.Equal("Up", await page.Locator("tr.check-row[data-check=login] .state-badge .state-word").InnerTextAsync());

        var sla = page.Locator("[data-testid=sla]");
        Assert.Equal("breached", await sla.GetAttributeAsync("data-verdict"));
        var slaText = await sla.InnerTextAsync();
        Assert.Contains("target 99.9 %", slaText);
        Assert.Contains("objective 300 ms", slaText);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("service-detail") });
    }

    [Fact]
    public async Task Each_range_reads_its_own_window_from_the_store()
    {
        var page = await Browser.NewPageAsync();
        await LivePage.OpenAsync(page, estate.PageOf("Search"));
        await page.Locator(".latency-chart .rz-line-series").First.WaitForAsync(Attached);
        Assert.Equal("met", await page.Locator("[data-testid=sla]").GetAttributeAsync("data-verdict"));

        // The last hour holds 12 samples, 5-minute apart, in 10-second buckets.
        await page.Locator(".range-picker button[data-range='1h']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.search === '?range=1h'");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.availability-strip .bucket').length >= 11 && document.querySelectorAll('.availability-strip .bucket').length <= 13");

        await page.Locator(".range-picker button[data-range='30d']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.search === '?range=30d'");
        await page.Locator(".latency-chart .rz-line-series").First.WaitForAsync(Attached);
        // 30 days in 3-hour buckets: the six hours of history fall into two or three of them.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.availability-strip .bucket').length <= 3");
        Assert.Equal("true", await page.Locator(".range-picker button[data-range='30d']").GetAttributeAsync("aria-pressed"));
    }

    [Fact]
    public async Task An_unknown_service_gets_the_not_found_page_with_status_404()
    {
        var page = await Browser.NewPageAsync();

        var response = await LivePage.OpenAsync(page, estate.PageOf("No such / service"));

        Assert.Equal(404, response!.Status);
        var text = await page.Locator("[data-testid=not-found]").InnerTextAsync();
        Assert.Contains("No such service", text);
        Assert.Contains("“No such / service”", text);
    }

    [Fact]
    public async Task A_name_with_spaces_a_slash_and_unicode_round_trips_through_the_address()
    {
        var page = await Browser.NewPageAsync();

        // Loaded directly (prerendered by the server), then again after a reload.
        var response = await LivePage.OpenAsync(page, estate.PageOf(PagesEstate.Unicode));
        Assert.Equal(200, response!.Status);
        Assert.Equal(PagesEstate.Unicode, await page.Locator("[data-testid=service-name]").InnerTextAsync());
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-live=true]");
        Assert.Equal(PagesEstate.Unicode, await page.Locator("[data-testid=service-name]").InnerTextAsync());
        Assert.Equal("Up", await page.Locator("tr.check-row[data-check='tür / ½'] .state-badge .state-word").InnerTextAsync());
    }

    [Fact]
    public async Task A_store_that_is_down_shows_history_unavailable_and_the_live_checks_still_work()
    {
        var closedPort = FreePort.Next();
        var down = new PagesEstate();
        try
        {
            await down.StartAsync(("Storage__Influx__Url", $"http://127.0.0.1:{closedPort}"), ("Storage__Influx__Database", "itss"));
            var page = await Browser.NewPageAsync();

            await LivePage.OpenAsync(page, down.PageOf("Payments API"));

            var unavailable = page.Locator("[data-testid=history-unavailable]");
            await unavailable.WaitForAsync();
            Assert.Contains($"history unavailable: InfluxDB at http://127.0.0.1:{closedPort}", await unavailable.InnerTextAsync());
            Assert.Contains("history unavailable", await page.Locator("[data-testid=sla]").InnerTextAsync());
            Assert.Equal("Down", await page.Locator("tr.check-row[data-check=health] .state-badge .state-word").InnerTextAsync());

            await down.PushAsync([PagesEstate.Sample("Payments API", "health", DateTimeOffset.UtcNow, up: true, latencyMs: 99)]);
            await page.Locator("tr.check-row[data-check=health] .state-badge[data-state=up]").WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("service-detail-store-down") });
        }
        finally
        {
            await down.DisposeAsync();
        }
    }
}
