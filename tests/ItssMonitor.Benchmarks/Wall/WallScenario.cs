using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.Benchmarks.Wall;

/// <summary>
/// Scenario <c>wall</c> (issue 4): the server as a Release process with 2,000 services, and the time Chromium takes from
/// navigation to <c>/wall</c> until every tile is in the DOM and the next frame is drawn, read in the page
/// (<c>performance.now()</c>, whose origin is the navigation). Baseline in the same run: the wall's own final DOM
/// (same tiles, same CSS, same visible page) served as static HTML with no script, the browser's floor for it.
/// </summary>
internal static partial class WallScenario
{
    public const string Command = "wall";

    private const string ApiKey = "wall-benchmark-key-0123456789";
    private const double GoalMs = 1_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var services = args is ["--services", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2_000;
        const int runs = 7;
        var work = Directory.CreateTempSubdirectory("itss-wall-bench-");
        try
        {
            var file = Path.Combine(work.FullName, "monitoring.yaml");
            await File.WriteAllTextAsync(file, MonitoringFile(services));
            var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            await using var server = LocalServerProcess.Start("server", "dotnet",
                [ServerAssembly(), "--urls", url.ToString().TrimEnd('/'), "--Monitoring:File=" + file,
                 "--Ingest:ApiKeys:0:Name=benchmark", "--Ingest:ApiKeys:0:Key=" + ApiKey, "--Logging:LogLevel:Default=Warning",
                 // The wall and its status reads are measured as a NOC screen sees them, without a sign-in.
                 "--Auth:AnonymousViewer=true"],
                work.FullName);
            using var http = new HttpClient { BaseAddress = url };
            await server.WaitUntilReadyAsync(async ct => await CountAsync(http, ct) == services, TimeSpan.FromSeconds(60));
            await FeedAsync(http, services);

            var browser = new BrowserServer();
            await browser.InitializeAsync();
            try
            {
                Console.WriteLine($"wall: {services} services; {runs} navigations each to /wall and to its static copy, alternating, 1920×1080, Chromium {ChromiumVersion()}.");
                var baselineHtml = await StaticCopyAsync(browser, url, services);
                var wall = new List<(double Dom, double Painted)>();
                var baseline = new List<(double Dom, double Painted)>();
                for (var run = 0; run < runs; run++)
                {
                    wall.Add(await MeasureAsync(browser, new Uri(url, "wall"), null, services));
                    baseline.Add(await MeasureAsync(browser, new Uri(url, "wall-static-baseline"), baselineHtml, services));
                }

                Console.WriteLine();
                Console.WriteLine(Report(services, runs, wall, baseline));
            }
            finally
            {
                await browser.DisposeAsync();
            }

            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One service in 100 down, one in 50 degraded (one of its two checks down), one in 97 never reported; the rest up with a latency trend.</summary>
    private static string MonitoringFile(int services)
    {
        var text = new StringBuilder("services:\n");
        for (var i = 1; i <= services; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - name: {Name(i)}\n    team: team-{i % 12:00}\n    failuresBeforeDown: 1\n    checks:\n      - {{ name: ping, kind: push, interval: 1h }}\n");
            if (i % 50 == 0)
            {
                text.Append("      - { name: api, kind: push, interval: 1h }\n");
            }
        }

        return text.ToString();
    }

    private static string Name(int i) => $"Service {i:0000}";

    private static async Task FeedAsync(HttpClient http, int services)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-30);
        for (var round = 0; round < 5; round++)
        {
            var at = start.AddSeconds(round * 5).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
            var samples = Enumerable.Range(1, services).Where(i => i % 97 != 0).SelectMany(i =>
            {
                var ping = Sample(i, "ping", at, i % 100 != 0, 20 + (i * 7 + round * 13) % 90);
                return i % 50 == 0 ? [ping, Sample(i, "api", at, false, 3_000)] : new[] { ping };
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/samples")
            {
                Content = new StringContent("{\"samples\":[" + string.Join(',', samples) + "]}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }

    private static string Sample(int i, string check, string at, bool up, double latencyMs) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"service":"{{Name(i)}}","check":"{{check}}","timestamp":"{{at}}","up":{{(up ? "true" : "false")}},"latencyMs":{{latencyMs}}}""");

    private static async Task<int> CountAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync("api/v1/status", cancellationToken));
        return status.RootElement.GetProperty("services").GetArrayLength();
    }

    /// <summary>The wall's DOM once it has rendered (tiles, grid variables, hidden pages), without scripts: what a server could pre-render.</summary>
    private static async Task<string> StaticCopyAsync(BrowserServer browser, Uri url, int services)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(url, "wall").ToString());
        await WaitForTilesAsync(page, services);
        var html = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
        await page.Context.CloseAsync();
        const string mark = "<script>requestAnimationFrame(() => setTimeout(() => { window.__wallRenderedAt = window.__wallPaintedAt = performance.now(); document.documentElement.dataset.ready = 'true'; }));</script>";
        return Scripts().Replace(html, "").Replace("</body>", mark + "</body>", StringComparison.Ordinal);
    }

    private static async Task<(double Dom, double Painted)> MeasureAsync(BrowserServer browser, Uri url, string? staticHtml, int services)
    {
        var page = await browser.NewPageAsync();
        if (staticHtml is not null)
        {
            await page.RouteAsync(url.ToString(), route => route.FulfillAsync(new() { Body = staticHtml, ContentType = "text/html; charset=utf-8" }));
        }

        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await WaitForTilesAsync(page, services);
        await page.WaitForFunctionAsync("() => window.__wallPaintedAt !== undefined");
        var dom = await page.EvaluateAsync<double>("() => window.__wallRenderedAt");
        var painted = await page.EvaluateAsync<double>("() => window.__wallPaintedAt");
        await page.Context.CloseAsync();
        return (dom, painted);
    }

    private static Task WaitForTilesAsync(IPage page, int services) => page.WaitForFunctionAsync(
        "n => document.documentElement.dataset.ready === 'true' && document.querySelectorAll('#tiles .tile').length === n",
        services,
        new() { Timeout = 60_000, PollingInterval = 20 });

    private static string Report(int services, int runs, List<(double Dom, double Painted)> wall, List<(double Dom, double Painted)> baseline)
    {
        var wallPainted = Median(wall.Select(m => m.Painted));
        var basePainted = Median(baseline.Select(m => m.Painted));
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{services} services, median of {runs} navigations each; milliseconds from navigation start (performance.now() in the page)"));
        text.AppendLine();
        text.AppendLine("| page | all tiles in the DOM | next frame drawn | runs (frame drawn) |");
        text.AppendLine("| --- | --- | --- | --- |");
        text.AppendLine(Invariant($"| baseline: the same DOM as static HTML, no script | {Median(baseline.Select(m => m.Dom)):0} ms | {basePainted:0} ms | {string.Join(", ", baseline.Select(m => m.Painted.ToString("0", CultureInfo.InvariantCulture)))} |"));
        text.AppendLine(Invariant($"| /wall (SignalR connect, snapshot, render) | {Median(wall.Select(m => m.Dom)):0} ms | {wallPainted:0} ms | {string.Join(", ", wall.Select(m => m.Painted.ToString("0", CultureInfo.InvariantCulture)))} |"));
        text.AppendLine();
        text.AppendLine(Invariant($"/wall / baseline: {wallPainted / basePainted:0.00}; goal ≤ {GoalMs:0} ms: {(wallPainted <= GoalMs ? "met" : "MISSED")}"));
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string ChromiumVersion()
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/chromium", "--version") { RedirectStandardOutput = true });
        var version = process?.StandardOutput.ReadToEnd().Trim() ?? "?";
        process?.WaitForExit();
        return version;
    }

    /// <summary>The server built in this benchmark's configuration (the project reference builds it).</summary>
    private static string ServerAssembly()
    {
        var configuration = typeof(WallScenario).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ItssMonitor.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("ItssMonitor.sln not found above " + AppContext.BaseDirectory),
            "src", "ItssMonitor.Server", "bin", configuration, "net10.0", "ItssMonitor.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The server is not built at {path}", path);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
