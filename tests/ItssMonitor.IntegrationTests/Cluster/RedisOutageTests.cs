using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Cluster;

/// <summary>A node whose Redis does not answer keeps ingesting and probing; only sharing with other nodes stops.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task A_node_whose_Redis_is_unreachable_still_ingests_and_probes_and_says_why_samples_are_not_shared()
    {
        await using var target = await HitCountingTarget.StartAsync();
        var file = $$"""
            services:
              - name: Storefront
                checks:
                  - { name: home, kind: http, url: "{{new Uri(target.BaseUrl, "home")}}", interval: 1s, timeout: 900ms }
              - name: Ledger
                failuresBeforeDown: 1
                checks:
                  - { name: api, kind: push, interval: 1h }
            """;
        // Nothing listens on a fresh free port: Redis is down from the start.
        await using var node = await PushServer.StartAsync("redis-outage", file, [("SignalR__Redis", $"127.0.0.1:{FreePort.Next()}")]);

        await node.PushAsync(PushServer.CheckResult("Ledger", "api", up: false, PushServer.NextTimestamp(), error: "HTTP 503"));
        var since = DateTimeOffset.UtcNow;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (target.HitsOf("/home").Count(at => at > since) < 2 || !await LedgerIsDownAsync(node))
        {
            Assert.True(DateTime.UtcNow < deadline, $"without Redis the node stopped probing or ingesting:\n{node.Process.Output}");
            await Task.Delay(200);
        }

        Assert.Contains("Redis connection for sharing samples between nodes failed", node.Process.Output, StringComparison.Ordinal);
    }

    private static async Task<bool> LedgerIsDownAsync(PushServer node)
    {
        var status = await node.Http.GetFromJsonAsync<JsonElement>("api/v1/status");
        return status.GetProperty("services").EnumerateArray()
            .Any(service => service.GetProperty("service").GetString() == "Ledger" && service.GetProperty("state").GetString() == "down");
    }
}
