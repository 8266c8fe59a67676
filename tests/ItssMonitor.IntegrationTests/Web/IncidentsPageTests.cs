using System.Net;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// <c>/incidents</c> in the real browser against a real server process whose Ledger is down (so service-down fires):
/// acknowledging and resolving through the page, live arrival of a new alert, the timeline, the empty state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentsPageTests(BrowserServer browser) : BrowserTest(browser)
{
    private static readonly LocatorWaitForOptions Soon = new() { Timeout = 10_000 };

    // Payments API misses its SLA in this estate: a burn-rate alert at the next minute would change the counts mid-test.
    private const string OperatorPassword = "alice-operator-password";

    private static readonly (string, string) NoSlaEvaluation = ("Jobs__SlaEvaluationSchedule", "0 0 1 1 *");

    [Fact]
    public async Task An_alert_is_acknowledged_and_resolved_on_the_page_and_a_new_one_arrives_live()
    {
        var estate = new PagesEstate();
        try
        {
            await estate.StartAsync(NoSlaEvaluation);
            using var api = new AlertApi(estate.Server.Process);
            var id = (await api.WaitForServiceDownAsync("Ledger", "firing")).GetProperty("id").GetString()!;
            // An Operator acts on the page; who acts is the signed-in user.
            await estate.Server.Process.CreateUserAsync("alice", OperatorPassword, "Operator");
            var page = await Browser.NewPageAsync(1920, 1080);
            await SignedInPage.SignInAsync(page, estate.Server.Process, "alice", OperatorPassword);

            // The link a notification carries: the alert highlighted, its timeline open.
            await LivePage.OpenAsync(page, new Uri(estate.Url, $"incidents?alert={id}").ToString());
            var row = page.Locator($"tr.alert-row[data-alert-id='{id}']");
            await row.WaitForAsync(Soon);
            await page.Locator(".alert-timeline-row .timeline li[data-kind=opened]").WaitForAsync(Soon);
            await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("incidents-with-alerts") });
            Assert.Contains("highlight", await row.GetAttributeAsync("class"));
            Assert.Equal("firing", await row.GetAttributeAsync("data-state"));
            Assert.Equal("Critical", await row.Locator(".severity-word").InnerTextAsync());
            Assert.Equal(estate.PageOf("Ledger"), await row.Locator(".col-service a").EvaluateAsync<string>("a => a.href"));
            Assert.Equal("service-down", await row.Locator(".col-rule").InnerTextAsync());
            Assert.Contains("connection refused", await row.Locator(".col-summary").InnerTextAsync());
            Assert.Matches(@"for \d+ (s|min)", await row.Locator(".col-opened").InnerTextAsync());
            Assert.Equal("1", await page.Locator("[data-testid=open-alerts-badge]").InnerTextAsync());

            await row.Locator("button.acknowledge").ClickAsync();
            Assert.Equal(0, await page.Locator("input[name=by]").CountAsync());
            await page.Locator("input[name=note]").FillAsync("restarting the pool");
            await page.Locator("button.confirm").ClickAsync();
            await page.Locator($"tr.alert-row[data-alert-id='{id}'][data-state=acknowledged]").WaitForAsync(Soon);
            Assert.Equal("alice", await row.Locator(".col-ack").InnerTextAsync());
            var acknowledged = page.Locator(".alert-timeline-row .timeline li[data-kind=acknowledged]");
            await acknowledged.WaitForAsync(Soon);
            Assert.Contains("acknowledged by alice", await acknowledged.InnerTextAsync());
            Assert.Contains("restarting the pool", await acknowledged.InnerTextAsync());
            var (status, _, detail) = await api.GetAsync($"api/v1/alerts/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("acknowledged", detail.GetProperty("alert").GetProperty("state").GetString());
            Assert.Equal("alice", detail.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
            Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), entry =>
                entry.GetProperty("kind").GetString() == "acknowledged" && entry.GetProperty("actor").GetString() == "alice");

            // A new outage shows without a reload.
            await page.EvaluateAsync("() => window.notReloaded = true");
            var now = DateTimeOffset.UtcNow;
            await estate.PushAsync([
                PagesEstate.Sample("Search", "query", now.AddMilliseconds(-200), up: false, error: "HTTP 500 Internal Server Error"),
                PagesEstate.Sample("Search", "query", now, up: false, error: "HTTP 500 Internal Server Error"),
            ]);
            var search = page.Locator("tr.alert-row[data-service='Search']");
            await search.WaitForAsync(Soon);
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
            Assert.Equal("firing", await search.GetAttributeAsync("data-state"));
            // Worst first: both critical, so the older one (Ledger) stays on top.
            Assert.Equal(["Ledger", "Search"], await page.Locator("tr.alert-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.service)"));
            await page.Locator("[data-testid=open-alerts-badge]", new() { HasText = "2" }).WaitForAsync(Soon);
            await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("incidents-two-alerts") });
            await page.SetViewportSizeAsync(1280, 800);
            await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("incidents-two-alerts-1280x800") });
            await page.SetViewportSizeAsync(1920, 1080);

            await row.Locator("button.resolve").ClickAsync();
            await page.Locator("button.confirm").ClickAsync();
            await row.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
            (_, _, detail) = await api.GetAsync($"api/v1/alerts/{id}");
            Assert.Equal("resolved", detail.GetProperty("alert").GetProperty("state").GetString());
            Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), entry =>
                entry.GetProperty("kind").GetString() == "resolved" && entry.GetProperty("actor").GetString() == "alice");
            var incident = page.Locator($"li.incident[data-alert-id='{id}']");
            Assert.Equal("resolved", await incident.GetAttributeAsync("data-state"));
            Assert.Contains("resolved by alice", await incident.Locator(".timeline").TextContentAsync());
            Assert.Contains("1 resolved", await page.Locator("[data-testid=incident-summary]").InnerTextAsync());
        }
        finally
        {
            await estate.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_open_alerts_the_page_says_where_alerts_come_from()
    {
        var estate = new PagesEstate();
        try
        {
            await estate.StartAsync(NoSlaEvaluation);
            using var api = new AlertApi(estate.Server.Process);
            var id = (await api.WaitForServiceDownAsync("Ledger", "firing")).GetProperty("id").GetString()!;
            var (status, _, _) = await api.PostAsync($"api/v1/alerts/{id}/resolve", "{}");
            Assert.Equal(HttpStatusCode.OK, status);
            var page = await Browser.NewPageAsync(1920, 1080);
            await SignedInPage.SignInAsync(page, estate.Server.Process);

            await LivePage.OpenAsync(page, new Uri(estate.Url, "incidents").ToString());

            var empty = page.Locator("table.alerts tr.empty");
            await empty.WaitForAsync(Soon);
            await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("incidents-empty") });
            Assert.Contains("No open alerts. Alerts come from services going down", await empty.InnerTextAsync());
            Assert.Equal(0, await page.Locator("[data-testid=open-alerts-badge]").CountAsync());
            Assert.Contains($"resolved by {ServerProcess.AdminName}", await page.Locator($"li.incident[data-alert-id='{id}'] .timeline").TextContentAsync());

            await page.Locator(".range-picker button[data-range='24h']").ClickAsync();
            await page.Locator(".range-picker button[data-range='24h'].selected").WaitForAsync(Soon);
            Assert.Contains("1 incident ·", await page.Locator("[data-testid=incident-summary]").InnerTextAsync());
        }
        finally
        {
            await estate.DisposeAsync();
        }
    }
}
