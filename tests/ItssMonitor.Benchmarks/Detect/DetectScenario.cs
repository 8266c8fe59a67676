using System.Globalization;
using System.Net;
using System.Text.Json;
using ItssMonitor.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Benchmarks.Detect;

/// <summary>
/// Scenario <c>detect</c> (issue 5): how long from the moment a probed HTTP target starts failing until the webhook
/// saying so arrives. The server runs as a Release process with its default settings, probing a target in this process
/// every 10 s with the default confirmation (<c>failuresBeforeDown</c> 2: two failed probes in a row), and notifying a
/// webhook receiver in this process. Each run switches one service's target to 503 at a random moment of the probe
/// interval and back once the firing webhook is in (waiting for the resolved one before the next run). Each run has a
/// service of its own: one service failing every half minute would be flapping, and its notifications rightly damped
/// (<c>Alerting:FlapThreshold</c>), which is not what is measured here. The baseline is computed,
/// not measured: Prometheus + blackbox_exporter + Alertmanager with their usual settings (see <see cref="Baseline"/>).
/// </summary>
internal static class DetectScenario
{
    public const string Command = "detect";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = args is ["--runs", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var failing = 0; // the number of the service whose target fails, 0 for none
        var targetPort = FreePort.Next();
        await using var target = await StartTargetAsync(targetPort, service => service == failing);
        await using var receiver = await WebhookReceiver.StartAsync();
        var work = Directory.CreateTempSubdirectory("itss-detect-bench-");
        try
        {
            var file = Path.Combine(work.FullName, "monitoring.yaml");
            var services = string.Concat(Enumerable.Range(1, runs).Select(service => $$"""
                  - name: Storefront {{service}}
                    team: web
                    checks:
                      - { name: health, kind: http, url: "http://127.0.0.1:{{targetPort}}/health/{{service}}", interval: {{Interval.TotalSeconds}}s }

                """));
            await File.WriteAllTextAsync(file, $$"""
                services:
                {{services}}
                notifications:
                  channels:
                    - { name: ops-hook, kind: webhook, url: "{{receiver.UrlFor("hook")}}" }
                  routes:
                    - { team: web, severity: critical, channels: [ops-hook] }
                """);
            var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            await using var server = LocalServerProcess.Start("server", "dotnet",
                [SolutionBuild.ProgramPath("ItssMonitor.Server", typeof(DetectScenario).Assembly), "--urls", url.ToString().TrimEnd('/'),
                 "--Monitoring:File=" + file, "--Logging:LogLevel:Default=Warning",
                 // Only reads the status, as a NOC screen would, without a sign-in.
                 "--Auth:AnonymousViewer=true"],
                work.FullName);
            using var http = new HttpClient { BaseAddress = url };
            Console.WriteLine(Invariant($"detect: {runs} outages of a target probed every {Interval.TotalSeconds:0} s, confirmed by 2 failed probes (failuresBeforeDown default), webhook to this process."));

            var detections = new List<TimeSpan>();
            for (var run = 0; run < runs; run++)
            {
                await server.WaitUntilReadyAsync(
                    async ct => await AllUpAsync(http, ct) && Count(receiver, "resolved") == run,
                    Patience);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Interval.TotalMilliseconds));
                var start = DateTimeOffset.UtcNow;
                failing = run + 1;
                await server.WaitUntilReadyAsync(_ => Task.FromResult(Count(receiver, "firing") == run + 1), Patience);
                var firing = receiver.Accepted.Where(request => State(request) == "firing").Last();
                failing = 0;
                detections.Add(firing.ReceivedAt - start);
                Console.WriteLine(Invariant($"  run {run + 1}: webhook {(firing.ReceivedAt - start).TotalSeconds:0.0} s after the target started failing"));
            }

            var sorted = detections.Select(detection => detection.TotalSeconds).Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            Console.WriteLine();
            Console.WriteLine("| scenario | what is measured | baseline | result | ratio (goal) |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            Console.WriteLine(Invariant(
                $"| `detect` | outage start → webhook received, {runs} runs: HTTP check every 10 s, `failuresBeforeDown` 2, outage at a random moment of the interval, default settings | {Baseline} | median {median:0.0} s, max {sorted[^1]:0.0} s | {Prometheus15sMean / median:0.0}× faster than the computed mean with 15 s scrapes |"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Prometheus + blackbox_exporter + Alertmanager, computed from their timing, not measured: the failure is seen at
    /// the next scrape (0–15 s, or 0–60 s with Prometheus' default 1 m), the rule at the next evaluation (0–60 s,
    /// default 1 m) makes the alert pending, <c>for: 1m</c> fires it one evaluation later (60 s), and Alertmanager waits
    /// <c>group_wait</c> (30 s) before the first notification of a new group.
    /// </summary>
    private const string Baseline = "Prometheus + Alertmanager, computed: scrape 15 s (0–15) + evaluation 1 m (0–60) + `for: 1m` (60) + `group_wait` 30 s = 90–165 s, mean 127.5 s; with the 1 m default scrape 90–210 s, mean 150 s; without `for:` 30–105 s, mean 67.5 s";

    private const double Prometheus15sMean = 7.5 + 30 + 60 + 30;

    private static async Task<bool> AllUpAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync("api/v1/status", cancellationToken));
        return status.RootElement.GetProperty("services").EnumerateArray().All(service => service.GetProperty("state").GetString() == "up");
    }

    private static int Count(WebhookReceiver receiver, string state) => receiver.Accepted.Count(request => State(request) == state);

    private static string? State(ReceivedRequest request) => request.Json().GetProperty("state").GetString();

    private static async Task<WebApplication> StartTargetAsync(int port, Func<int, bool> failing)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/health/{service:int}", (int service) => failing(service) ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("ok"));
        await app.StartAsync();
        return app;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
