using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// The real server with a monitoring file of six services whose states and history the test knows, because
/// it pushed them through the ingest API (push checks, samples with past timestamps for the charts):
/// one of each state, worst first Ledger (down), Payments API (degraded), Nightly Batch (stale),
/// Reports (unknown), then Café Ω / Zürich east and Search (up).
/// </summary>
public sealed class PagesEstate : IAsyncLifetime
{
    public const string Unicode = "Café Ω / Zürich east";

    public static readonly string[] WorstFirst = ["Ledger", "Payments API", "Nightly Batch", "Reports", Unicode, "Search"];

    // The page tests are about what the pages show: they read anonymously, as on a closed NOC network; a test that
    // acts signs its page in.
    private static readonly (string, string) AnonymousViewer = ("Auth__AnonymousViewer", "true");

    private PushServer? _server;

    public PushServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public Uri Url => Server.Process.Url;

    /// <summary>The address of a service's page, its name escaped as one path segment.</summary>
    public string PageOf(string service) => new Uri(Url, "services/" + Uri.EscapeDataString(service)).AbsoluteUri;

    public async Task InitializeAsync() => await StartAsync();

    public async Task StartAsync(params (string Key, string Value)[] settings)
    {
        _server = await PushServer.StartAsync("pages", $$"""
            services:
              - name: Payments API
                team: payments
                tags: [critical, eu]
                sla: { availability: 99.9, latencyP95Ms: 300 }
                checks:
                  - { name: health, kind: push, interval: 1h }
                  - { name: login, kind: push, interval: 1h }
              - name: Ledger
                team: finance
                tags: [critical]
                checks:
                  - { name: db, kind: push, interval: 1h }
              - name: Search
                team: web
                sla: { availability: 99, latencyP95Ms: 500 }
                checks:
                  - { name: query, kind: push, interval: 1h }
              - name: Reports
                team: finance
                checks:
                  - { name: export, kind: push, interval: 1h }
              - name: Nightly Batch
                team: data
                checks:
                  - { name: run, kind: push, interval: 2s }
              - name: "{{Unicode}}"
                team: web
                tags: [eu]
                checks:
                  - { name: "tür / ½", kind: push, interval: 1h }
            """, [AnonymousViewer, .. settings]);

        var now = DateTimeOffset.UtcNow;
        var samples = new List<object>();
        // Six hours of history every five minutes, so every range has something to draw.
        for (var at = now.AddHours(-6); at < now.AddMinutes(-1); at = at.AddMinutes(5))
        {
            var minute = (int)(at - now.AddHours(-6)).TotalMinutes;
            samples.Add(Sample("Payments API", "health", at, up: true, latencyMs: 120 + (minute % 60)));
            samples.Add(Sample("Payments API", "login", at, up: true, latencyMs: 180 + (minute % 40)));
            samples.Add(Sample("Search", "query", at, up: true, latencyMs: 80));
            samples.Add(Sample("Ledger", "db", at, up: true, latencyMs: 15));
        }

        samples.Add(Sample("Payments API", "health", now.AddSeconds(-20), up: false, error: "HTTP 503 Service Unavailable, expected 2xx"));
        samples.Add(Sample("Payments API", "health", now.AddSeconds(-10), up: false, error: "HTTP 503 Service Unavailable, expected 2xx"));
        samples.Add(Sample("Payments API", "login", now.AddSeconds(-10), up: true, latencyMs: 210));
        samples.Add(Sample("Ledger", "db", now.AddSeconds(-20), up: false, error: "connection refused"));
        samples.Add(Sample("Ledger", "db", now.AddSeconds(-10), up: false, error: "connection refused"));
        samples.Add(Sample(Unicode, "tür / ½", now.AddSeconds(-10), up: true, latencyMs: 42));
        await PushAsync(samples);
        await WaitForStatesAsync(("Ledger", "down"), ("Payments API", "degraded"), ("Nightly Batch", "stale"), (Unicode, "up"));
    }

    public static object Sample(string service, string check, DateTimeOffset at, bool up, double? latencyMs = null, string? error = null) =>
        PushServer.CheckResult(service, check, up, at, latencyMs, error);

    public Task PushAsync(IEnumerable<object> samples) => Server.PushAsync(samples);

    /// <summary>Waits until <c>/api/v1/status</c> shows each service in its state (the board is fed at once; stale takes its interval).</summary>
    public async Task WaitForStatesAsync(params (string Service, string State)[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var body = "";
        while (DateTime.UtcNow < deadline)
        {
            body = await Server.Http.GetStringAsync("api/v1/status");
            using var status = JsonDocument.Parse(body);
            var states = status.RootElement.GetProperty("services").EnumerateArray()
                .ToDictionary(service => service.GetProperty("service").GetString()!, service => service.GetProperty("state").GetString());
            if (expected.All(pair => states.GetValueOrDefault(pair.Service) == pair.State))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"States not reached within 15 s; /api/v1/status: {body}\nServer output:\n{Server.Process.Output}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
