using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>
/// A real server process monitoring a small estate with one service in each state the wall shows: a TCP check
/// against a listener the test can stop (every 2 s, down after one failure), and push checks fed through the
/// ingest API. Optionally many more push services, for paging.
/// </summary>
public sealed class WallEstate : IAsyncDisposable
{
    public const string ProbedService = "Checkout";
    public const string MaintenanceWindow = "Key rotation";
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    private readonly TcpListener _target = new(IPAddress.Loopback, 0);
    private PushServer? _server;

    // The wall tests are about what the wall shows: it reads anonymously, as on a closed NOC network.
    private static readonly (string, string) AnonymousViewer = ("Auth__AnonymousViewer", "true");

    private WallEstate()
    {
    }

    public ServerProcess Server => Started.Process;

    private PushServer Started => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// Checkout (tcp, up while the listener runs), Ledger (up), Search (degraded: one of two checks down),
    /// Mail Relay (down), Branch Till (stale 2 s after start), Archive (unknown: never reported), Vault (down, but
    /// in the open maintenance window <see cref="MaintenanceWindow"/>); plus
    /// <paramref name="extraServices"/> push services named "Service 0001"… reported up.
    /// </summary>
    public static async Task<WallEstate> StartAsync(int extraServices = 0)
    {
        var estate = new WallEstate();
        await estate.InitializeAsync(extraServices);
        return estate;
    }

    public string Url(string query = "") => new Uri(Server.Url, "wall" + query).ToString();

    /// <summary>Stops the probed target: connections to it are refused from now on.</summary>
    public void TakeTargetDown() => _target.Stop();

    public Task PushAsync(params (string Service, string Check, bool Up, double LatencyMs)[] samples)
    {
        var now = DateTimeOffset.UtcNow;
        return Started.PushAsync(samples.Select(sample => PushServer.CheckResult(sample.Service, sample.Check, sample.Up, now, sample.LatencyMs)));
    }

    /// <summary>The samples that put each pushed service in its state.</summary>
    public Task FeedAsync(int extraServices = 0) => PushAsync(
    [
        ("Ledger", "api", true, 41.5),
        ("Search", "api", true, 120),
        ("Search", "index", false, 2_300),
        ("Mail Relay", "smtp", false, 5_000),
        ("Vault", "hsm", false, 900),
        .. Enumerable.Range(1, extraServices).Select(i => (ExtraName(i), "ping", true, 10.0 + i % 50)),
    ]);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _target.Stop();
    }

    private static string ExtraName(int i) => $"Service {i:0000}";

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private async Task InitializeAsync(int extraServices)
    {
        _target.Start();
        var port = ((IPEndPoint)_target.LocalEndpoint).Port;
        var extra = string.Concat(Enumerable.Range(1, extraServices).Select(i => $$"""

              - name: {{ExtraName(i)}}
                team: fleet
                checks:
                  - { name: ping, kind: push, interval: 1h }
            """));
        var hour = TimeSpan.FromHours(1);
        var (opened, closes) = (Iso(DateTimeOffset.UtcNow - hour), Iso(DateTimeOffset.UtcNow + hour));
        _server = await PushServer.StartAsync("wall-test", $$"""
            services:
              - name: {{ProbedService}}
                team: payments
                tags: [web, pci]
                checks:
                  - { name: port, kind: tcp, host: 127.0.0.1, port: {{port}}, interval: {{ProbeInterval.TotalSeconds}}s, timeout: 1s, failuresBeforeDown: 1 }
              - name: Ledger
                team: finance
                tags: [core]
                checks:
                  - { name: api, kind: push, interval: 1h }
              - name: Search
                team: web
                tags: [web]
                failuresBeforeDown: 1
                checks:
                  - { name: api, kind: push, interval: 1h }
                  - { name: index, kind: push, interval: 1h }
              - name: Mail Relay
                team: infra
                checks:
                  - { name: smtp, kind: push, interval: 1h, failuresBeforeDown: 1 }
              - name: Branch Till
                team: retail
                checks:
                  - { name: till, kind: push, interval: 2s }
              - name: Archive
                team: finance
                checks:
                  - { name: export, kind: push, interval: 1h }
              - name: Vault
                team: security
                checks:
                  - { name: hsm, kind: push, interval: 1h, failuresBeforeDown: 1 }
            """ + extra + $$"""

            maintenance:
              - { name: {{MaintenanceWindow}}, services: [Vault], start: "{{opened}}", end: "{{closes}}" }
            """, [AnonymousViewer]);
        await WaitUntilConfiguredAsync(7 + extraServices);
        await FeedAsync(extraServices);
    }

    /// <summary>Samples that arrive before the board has the file's definitions would be reset when it gets them.</summary>
    private async Task WaitUntilConfiguredAsync(int services)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var status = System.Text.Json.JsonDocument.Parse(await Started.Http.GetStringAsync("api/v1/status"));
            if (status.RootElement.GetProperty("services").GetArrayLength() >= services)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not load the {services} services of the monitoring file:\n{Server.Output}");
    }
}
