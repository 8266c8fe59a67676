using System.Net;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// <c>/incidents</c> on one of two server processes sharing PostgreSQL: a change made on the other node is not
/// heard by this node's feed, so acknowledging an alert resolved there meanwhile must say so on the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedIncidentsPageTests(BrowserServer browser, PostgresServer postgres) : BrowserTest(browser), IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Acknowledging_an_alert_another_node_resolved_meanwhile_shows_why_on_the_row()
    {
        var database = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = TestData.UniqueName("incidents") }.ConnectionString;
        await using var first = await HubServer.StartAsync(("Storage__Postgres", database));
        await using var second = await HubServer.StartAsync(("Storage__Postgres", database));
        using var firstApi = new AlertApi(first.Process);
        using var secondApi = new AlertApi(second.Process);
        await first.PushAsync("Search", up: false, 0);
        var id = (await firstApi.WaitForServiceDownAsync("Search", "firing")).GetProperty("id").GetString()!;
        var page = await Browser.NewPageAsync(1920, 1080);
        await SignedInPage.SignInAsync(page, first.Process);
        await LivePage.OpenAsync(page, new Uri(first.Process.Url, "incidents").ToString());
        var row = page.Locator($"tr.alert-row[data-alert-id='{id}']");
        await row.WaitForAsync(new() { Timeout = 10_000 });
        await row.Locator("button.acknowledge").ClickAsync();

        var (status, _, _) = await secondApi.PostAsync($"api/v1/alerts/{id}/resolve", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        await page.Locator("button.confirm").ClickAsync();

        var error = page.Locator(".alert-form .alert-error");
        await error.WaitForAsync(new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new() { Path = LivePage.Screenshot("incidents-resolved-meanwhile") });
        Assert.StartsWith("Resolved meanwhile", await error.InnerTextAsync());
        Assert.Contains("nothing left to acknowledge", await error.InnerTextAsync());
        var (_, _, detail) = await firstApi.GetAsync($"api/v1/alerts/{id}");
        Assert.Equal("resolved", detail.GetProperty("alert").GetProperty("state").GetString());
        Assert.DoesNotContain(detail.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("kind").GetString() == "acknowledged");
    }
}
