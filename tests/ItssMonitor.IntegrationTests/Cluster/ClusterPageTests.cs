using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Web;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Cluster;

/// <summary>
/// The pages of one node follow changes another node took in: the Blazor pages hear of changes in process only,
/// so node B must hand them the changes node A's samples made to its board (node A announces them to hub clients).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterPageTests(BrowserServer browser, PostgresServer postgres, RedisServer redis, InfluxDbServer influx)
    : BrowserTest(browser), IClassFixture<PostgresServer>, IClassFixture<RedisServer>, IClassFixture<InfluxDbServer>
{
    [Fact]
    public async Task The_overview_on_node_B_turns_a_service_down_live_when_node_A_takes_in_the_failing_sample()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(postgres, redis, influx);
        var page = await Browser.NewPageAsync();
        await LivePage.OpenAsync(page, cluster.NodeB.Process.Url.ToString());
        await page.Locator("tr.service-row[data-service='Ledger']").WaitForAsync();

        await cluster.NodeA.PushAsync(PushServer.CheckResult("Ledger", "api", up: false, PushServer.NextTimestamp(), latencyMs: 42, error: "HTTP 503"));

        await page.Locator("tr.service-row[data-service='Ledger'] .state-badge[data-state=down]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
    }
}
