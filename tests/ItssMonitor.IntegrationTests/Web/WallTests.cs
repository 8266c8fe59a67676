using System.Diagnostics;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>The wall (<c>/wall</c>) in the real Chromium against the real server process: tiles, live changes, filters, paging.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallTests(BrowserServer browser) : BrowserTest(browser)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Shows_one_tile_per_service_worst_first_with_state_in_words_icons_and_colours_and_fits_1080p_and_4k()
    {
        await using var estate = await WallEstate.StartAsync();
        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            var page = await Browser.NewPageAsync(width, height);
            await page.GotoAsync(estate.Url());
            await WaitForStateAsync(page, "Branch Till", "stale");
            await WaitForStateAsync(page, WallEstate.ProbedService, "up");
            await WaitForStateAsync(page, "Vault", "maintenance");

            // Saved before the assertions, so a failure leaves the picture to look at.
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserServer.ScreenshotDirectory, $"wall-{width}x{height}.png") });
            var tiles = await TilesAsync(page);
            Assert.Equal(
                ["Mail Relay", "Search", "Branch Till", "Archive", "Vault", "Checkout", "Ledger"],
                tiles.OrderBy(tile => tile.Order).Select(tile => tile.Name));
            Assert.Equal(
                ["down", "degraded", "stale", "unknown", "maintenance", "up", "up"],
                tiles.OrderBy(tile => tile.Order).Select(tile => tile.State));
            Assert.All(tiles, tile =>
            {
                Assert.Equal(tile.State, tile.Word.ToLowerInvariant());
                Assert.True(tile.HasIcon, $"{tile.Name} has no icon");
                Assert.False(tile.Clipped, $"{tile.Name}'s tile clips its content");
                Assert.False(tile.Hidden);
            });
            var ledger = tiles.Single(tile => tile.Name == "Ledger");
            Assert.Equal(("42", "100", "finance"), (ledger.Latency, ledger.Availability, ledger.Team));
            Assert.Equal("50.00", tiles.Single(tile => tile.Name == "Search").Availability);
            Assert.Equal(WallEstate.MaintenanceWindow, tiles.Single(tile => tile.Name == "Vault").Window);

            Assert.Equal("1 1 1 1 1 2", await CountsAsync(page));
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth"), "the wall scrolls");
            Assert.True(await page.IsHiddenAsync("#banner"));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_target_taken_down_turns_its_tile_down_within_the_check_interval_plus_a_second()
    {
        await using var estate = await WallEstate.StartAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(estate.Url());
        await WaitForStateAsync(page, "Branch Till", "stale");
        await WaitForStateAsync(page, WallEstate.ProbedService, "up");

        var clock = Stopwatch.StartNew();
        estate.TakeTargetDown();
        await WaitForStateAsync(page, WallEstate.ProbedService, "down", WallEstate.ProbeInterval + TimeSpan.FromSeconds(5));
        var elapsed = clock.Elapsed;

        Assert.True(elapsed <= WallEstate.ProbeInterval + TimeSpan.FromSeconds(1), $"the tile turned down after {elapsed.TotalMilliseconds:0} ms");
        var tile = (await TilesAsync(page)).Single(tile => tile.Name == WallEstate.ProbedService);
        Assert.Equal("Down", tile.Word);
        Assert.Equal("2 1 1 1 1 1", await CountsAsync(page));
    }

    [Fact]
    public async Task Killing_the_server_shows_the_banner_within_seconds_and_its_restart_recovers_the_wall_without_a_reload()
    {
        await using var estate = await WallEstate.StartAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(estate.Url());
        await WaitForStateAsync(page, "Ledger", "up");
        await page.EvaluateAsync("() => { window.__loadedAt = 'first load'; }");

        var clock = Stopwatch.StartNew();
        await estate.Server.KillAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.connection === 'lost' && !document.getElementById('banner').hidden", null, new() { Timeout = 8_000, PollingInterval = 50 });
        var noticed = clock.Elapsed;
        await page.WaitForTimeoutAsync(2_500);
        var banner = await page.TextContentAsync("#banner");
        Assert.Matches("^Connection lost — showing data from [0-9]+ s ago — reconnecting…$", banner);
        Assert.Equal("0.5", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.tile')).opacity"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserServer.ScreenshotDirectory, "wall-disconnected-1920x1080.png") });

        await estate.Server.StartAgainAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.connection === 'live' && document.getElementById('banner').hidden", null, new() { Timeout = 15_000, PollingInterval = 100 });
        // The restarted server knows nothing yet (its board is in memory): the wall shows what it sends, then what arrives.
        await WaitForStateAsync(page, "Ledger", "unknown");
        await estate.PushAsync(("Archive", "export", true, 12));
        await WaitForStateAsync(page, "Archive", "up");

        Assert.Equal("first load", await page.EvaluateAsync<string>("() => window.__loadedAt"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"));
        Assert.True(noticed < TimeSpan.FromSeconds(8), $"noticed after {noticed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task The_official_javascript_client_in_the_page_receives_the_snapshot_and_changes_as_the_hub_sends_them()
    {
        await using var estate = await WallEstate.StartAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(estate.Url("?debug"));
        await WaitForStateAsync(page, "Ledger", "up");

        using var snapshots = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wallDebug.snapshots)"));
        var snapshot = snapshots.RootElement[0];
        Assert.Equal(7, snapshot.GetArrayLength());
        Assert.Equal("down", snapshot[0].GetProperty("state").GetString());
        var ledger = snapshot.EnumerateArray().Single(service => service.GetProperty("service").GetString() == "Ledger");
        Assert.Equal("finance", ledger.GetProperty("team").GetString());
        Assert.Equal("core", ledger.GetProperty("tags")[0].GetString());
        Assert.Equal("up", ledger.GetProperty("state").GetString());
        Assert.Equal(41.5, ledger.GetProperty("latencyMs").GetDouble());
        Assert.Equal(1.0, ledger.GetProperty("availability24h").GetDouble());
        Assert.Equal(JsonValueKind.Array, ledger.GetProperty("latencyTrend").ValueKind);
        Assert.True(DateTimeOffset.TryParse(ledger.GetProperty("updatedAt").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(ledger.GetProperty("since").GetString(), out _));
        var check = ledger.GetProperty("checks")[0];
        Assert.Equal(("api", "push", "up", true), (check.GetProperty("check").GetString(), check.GetProperty("kind").GetString(), check.GetProperty("state").GetString(), check.GetProperty("lastUp").GetBoolean()));

        await estate.PushAsync(("Mail Relay", "smtp", true, 33));
        await page.WaitForFunctionAsync("() => window.__wallDebug.changes.some(batch => batch.some(s => s.service === 'Mail Relay' && s.state === 'up'))", null, new() { Timeout = 5_000 });
        using var changes = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__wallDebug.changes.flat().filter(s => s.service === 'Mail Relay').at(-1))"));
        var mail = changes.RootElement;
        Assert.Equal(("infra", "up", 33.0), (mail.GetProperty("team").GetString(), mail.GetProperty("state").GetString(), mail.GetProperty("latencyMs").GetDouble()));
        Assert.Equal(0.5, mail.GetProperty("availability24h").GetDouble());
        Assert.Equal([5_000.0, 33.0], mail.GetProperty("latencyTrend").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal("up", mail.GetProperty("checks")[0].GetProperty("state").GetString());
        Assert.Equal("Up", (await TilesAsync(page)).Single(tile => tile.Name == "Mail Relay").Word);
    }

    [Theory]
    [InlineData("?team=finance", new[] { "Archive", "Ledger" })]
    [InlineData("?tag=web", new[] { "Checkout", "Search" })]
    [InlineData("?team=payments&tag=pci", new[] { "Checkout" })]
    public async Task Team_and_tag_show_only_their_tiles_also_after_changes_elsewhere(string query, string[] expected)
    {
        await using var estate = await WallEstate.StartAsync();
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(estate.Url(query));
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.ready === 'true'", null, new() { Timeout = 10_000 });

        await estate.PushAsync(("Mail Relay", "smtp", true, 20), ("Ledger", "api", true, 44));
        await page.WaitForTimeoutAsync(1_000);

        Assert.Equal(expected, (await TilesAsync(page)).Select(tile => tile.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_estate_too_large_for_legible_tiles_is_paged_worst_first_and_rotates()
    {
        await using var estate = await WallEstate.StartAsync(extraServices: 200);
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(estate.Url("?rotate=3s"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.tile[data-state=up]').length >= 200", null, new() { Timeout = 15_000 });

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserServer.ScreenshotDirectory, "wall-paged-1920x1080.png") });
        var pages = int.Parse(await page.EvaluateAsync<string>("() => document.documentElement.dataset.pages"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 2, 10);
        Assert.Equal($"Page 1/{pages}", await page.TextContentAsync("#page"));
        var first = (await TilesAsync(page)).Where(tile => !tile.Hidden).OrderBy(tile => tile.Order).ToList();
        Assert.Equal(["Mail Relay", "Search"], first.Take(2).Select(tile => tile.Name));
        Assert.All(first, tile => Assert.False(tile.Clipped, $"{tile.Name}'s tile clips its content"));

        await page.WaitForFunctionAsync("() => document.documentElement.dataset.page === '2'", null, new() { Timeout = 5_000 });
        var second = (await TilesAsync(page)).Where(tile => !tile.Hidden).Select(tile => tile.Name).ToList();
        Assert.DoesNotContain("Mail Relay", second);
        Assert.Equal(first.Count, second.Count);
    }

    [Fact]
    public async Task An_open_critical_alert_shows_in_the_strip_and_rings_its_tile_until_it_is_resolved()
    {
        await using var estate = await WallEstate.StartAsync();
        using var api = new Alerting.AlertApi(estate.Server);
        var id = (await api.WaitForServiceDownAsync("Mail Relay", "firing")).GetProperty("id").GetString()!;
        var page = await Browser.NewPageAsync(1920, 1080);
        await page.GotoAsync(estate.Url());
        await WaitForStateAsync(page, "Branch Till", "stale");
        var strip = page.Locator($"#alerts .alert[data-id='{id}']");
        await strip.WaitForAsync(new() { Timeout = 10_000 });

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserServer.ScreenshotDirectory, "wall-alert-1920x1080.png") });
        Assert.Equal("critical", await strip.GetAttributeAsync("data-severity"));
        Assert.Equal("Mail Relay", await strip.Locator(".service").TextContentAsync());
        Assert.StartsWith("Mail Relay is down", await strip.Locator(".summary").TextContentAsync());
        Assert.Matches(@"^for \d+ (s|min)$", await strip.Locator(".for").TextContentAsync());
        Assert.Equal("critical", await page.GetAttributeAsync(".tile[data-name='Mail Relay']", "data-alert"));
        Assert.Equal(1, await page.Locator(".tile[data-alert]").CountAsync());
        var tiles = await TilesAsync(page);
        Assert.All(tiles, tile => Assert.False(tile.Clipped, $"{tile.Name}'s tile clips its content"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollHeight <= innerHeight && document.querySelector('#alerts').getBoundingClientRect().bottom <= innerHeight"),
            "the strip is off the screen or the wall scrolls");

        // A newer outage goes on top; acknowledged alerts go below the unacknowledged ones and lose their ring.
        estate.TakeTargetDown();
        var checkout = (await api.WaitForServiceDownAsync(WallEstate.ProbedService, "firing")).GetProperty("id").GetString()!;
        await page.Locator($"#alerts .alert[data-id='{checkout}']").WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal([WallEstate.ProbedService, "Mail Relay"], await StripAsync(page));
        Assert.Equal(2, await page.Locator(".tile[data-alert]").CountAsync());

        await api.PostAsync($"api/v1/alerts/{checkout}/ack", "{}");
        await page.Locator($"#alerts .alert[data-id='{checkout}'] .ack", new() { HasText = $"ack: {ServerProcess.AdminName}" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal(["Mail Relay", WallEstate.ProbedService], await StripAsync(page));
        Assert.Equal("Mail Relay", await page.GetAttributeAsync(".tile[data-alert]", "data-name"));

        await api.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        await page.Locator($"#alerts .alert[data-id='{id}'] .ack", new() { HasText = $"ack: {ServerProcess.AdminName}" }).WaitForAsync(new() { Timeout = 5_000 });
        await page.WaitForSelectorAsync(".tile[data-name='Mail Relay']:not([data-alert])", new() { Timeout = 5_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserServer.ScreenshotDirectory, "wall-alert-acknowledged-1920x1080.png") });

        await api.PostAsync($"api/v1/alerts/{id}/resolve", "{}");
        await api.PostAsync($"api/v1/alerts/{checkout}/resolve", "{}");
        await page.WaitForSelectorAsync("#alerts", new() { State = WaitForSelectorState.Hidden, Timeout = 5_000 });
        Assert.Equal(0, await page.Locator("#alerts .alert").CountAsync());
    }

    /// <summary>The services of the alert strip's lines, top to bottom.</summary>
    private static Task<string[]> StripAsync(IPage page) =>
        page.Locator("#alerts .alert .service").EvaluateAllAsync<string[]>("lines => lines.map(line => line.textContent)");

    private static Task WaitForStateAsync(IPage page, string service, string state, TimeSpan? timeout = null) =>
        page.WaitForFunctionAsync(
            "([name, state]) => document.querySelector(`.tile[data-name=\"${CSS.escape(name)}\"]`)?.dataset.state === state",
            new[] { service, state },
            new() { Timeout = (float)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds, PollingInterval = 50 });

    /// <summary>The header's counts, worst state first, as "down degraded stale unknown maintenance up".</summary>
    private static Task<string> CountsAsync(IPage page) => page.EvaluateAsync<string>(
        "() => ['down','degraded','stale','unknown','maintenance','up'].map(s => document.querySelector(`#counts [data-state=${s}] b`).textContent).join(' ')");

    private static async Task<List<TileView>> TilesAsync(IPage page) => JsonSerializer.Deserialize<List<TileView>>(await page.EvaluateAsync<string>("""
        () => JSON.stringify([...document.querySelectorAll('#tiles .tile')].map(t => ({
          name: t.dataset.name,
          state: t.dataset.state,
          word: t.querySelector('.word').textContent,
          order: Number(t.style.order),
          hidden: t.hidden,
          latency: t.querySelector('.latency').textContent,
          availability: t.querySelector('.availability').textContent,
          team: t.querySelector('.team').textContent,
          window: t.querySelector('.window').textContent,
          hasIcon: getComputedStyle(t.querySelector('.icon')).maskImage.startsWith('url('),
          // Text cut off inside its own box, or a part of the tile that sticks out of the tile.
          clipped: !t.hidden && [...t.querySelectorAll('.word, .name, .figures, .window')].some(part => {
            const box = part.getBoundingClientRect(), tile = t.getBoundingClientRect();
            return part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1
              || box.bottom > tile.bottom + 1 || box.right > tile.right + 1;
          }),
        })))
        """), Json)!;

    private sealed record TileView(string Name, string State, string Word, int Order, bool Hidden, string Latency, string Availability, string Team, string Window, bool HasIcon, bool Clipped);
}
