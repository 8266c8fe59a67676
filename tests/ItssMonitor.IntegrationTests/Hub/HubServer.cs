using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>
/// The real server process with a monitoring file of push checks that go down on one failure, so a test makes a
/// service change state at once by POSTing a sample to <c>/api/v1/samples</c>.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    /// <summary>Teams and tags chosen so every filter has services that match it and services that do not.</summary>
    public const string MonitoringFile = """
        services:
          - name: Payments API
            team: payments
            tags: [prod, eu]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
          - name: Payments Batch
            team: payments
            tags: [staging]
            failuresBeforeDown: 1
            checks:
              - { name: job, kind: push, interval: 1h }
          - name: Ledger
            team: finance
            tags: [prod]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
              - { name: db, kind: push, interval: 1h }
          - name: Search
            team: web
            tags: [prod, eu]
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }
        """;

    public static readonly IReadOnlyList<string> Services = ["Payments API", "Payments Batch", "Ledger", "Search"];

    private readonly PushServer _server;

    private HubServer(PushServer server, Cookie session)
    {
        _server = server;
        Session = session;
    }

    public ServerProcess Process => _server.Process;

    public HttpClient Http => _server.Http;

    public Uri HubUrl => new(Process.Url, "hubs/status");

    /// <summary>The admin's session cookie, for hub clients (the hub is for signed-in Viewers and above).</summary>
    public Cookie Session { get; }

    public static async Task<HubServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var server = await PushServer.StartAsync("hub-tests", MonitoringFile,
        [
            // The coalescing test sends 50 requests at once.
            ("Ingest__RequestsPerSecond", "1000"),
            ("Ingest__RequestBurst", "1000"),
            .. settings,
        ]);
        return new HubServer(server, await server.Process.SignInAsync());
    }

    /// <summary>
    /// Pushes one sample for the service's first check, stamped later than any sample pushed before it
    /// (see <see cref="PushServer.NextTimestamp"/>).
    /// </summary>
    public Task PushAsync(string service, bool up, double latencyMs) => PushAsync(service, up, latencyMs, PushServer.NextTimestamp());

    public Task PushAsync(string service, bool up, double latencyMs, DateTimeOffset timestamp)
    {
        var check = service switch
        {
            "Payments Batch" => "job",
            _ => "api",
        };
        return _server.PushAsync(PushServer.CheckResult(service, check, up, timestamp, latencyMs));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
