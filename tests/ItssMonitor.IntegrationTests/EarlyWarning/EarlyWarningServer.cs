using System.Globalization;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Alerting;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// The real server process with a monitoring file of the test's own and the settings it needs, an ingest key to push
/// check results and security facts with, the alerts API, and a webhook receiver the file's channels can point at:
/// the whole early-warning chain as an operator has it.
/// </summary>
public sealed class EarlyWarningServer : IAsyncDisposable
{
    private readonly PushServer _server;

    private EarlyWarningServer(PushServer server, WebhookReceiver receiver)
    {
        _server = server;
        Receiver = receiver;
        Api = new AlertApi(server.Process);
    }

    public ServerProcess Process => _server.Process;

    public AlertApi Api { get; }

    /// <summary>Receives what the file's webhook channels send (see <see cref="WebhookRoute"/>).</summary>
    public WebhookReceiver Receiver { get; }

    /// <summary>Starts the receiver, then the server with the monitoring file <paramref name="monitoringFile"/> writes for that receiver.</summary>
    public static async Task<EarlyWarningServer> StartAsync(Func<WebhookReceiver, string> monitoringFile, IReadOnlyDictionary<string, string> settings)
    {
        var receiver = await WebhookReceiver.StartAsync();
        try
        {
            var server = await PushServer.StartAsync("early-warning-tests", monitoringFile(receiver),
            [
                ("Ingest__RequestsPerSecond", "1000"),
                ("Ingest__RequestBurst", "1000"),
                .. settings.Select(setting => (setting.Key, setting.Value)),
            ]);
            return new EarlyWarningServer(server, receiver);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    /// <summary>A service entry of the monitoring file: one push check <c>api</c>, down on its first failure.</summary>
    public static string PushService(string name, string team) => $$"""
          - name: {{name}}
            team: {{team}}
            failuresBeforeDown: 1
            checks:
              - { name: api, kind: push, interval: 1h }

        """;

    /// <summary>A <c>notifications:</c> section: the team's critical alerts to one webhook channel <c>ops-hook</c> at the receiver's <c>/hook</c>.</summary>
    public static string WebhookRoute(WebhookReceiver receiver, string team) => $$"""
        notifications:
          channels:
            - { name: ops-hook, kind: webhook, url: "{{receiver.UrlFor("hook")}}" }
          routes:
            - { team: {{team}}, severity: critical, channels: [ops-hook] }

        """;

    /// <summary>Pushes check results (<c>type: check</c>) or security facts (<c>type: security</c>) to <c>/api/v1/samples</c>; all must be accepted.</summary>
    public Task PushAsync(params object[] samples) => _server.PushAsync(samples);

    /// <summary>One check result of <paramref name="service"/>'s check <paramref name="check"/>, as pushed JSON.</summary>
    public static object CheckResult(string service, string check, bool up, DateTimeOffset timestamp) =>
        PushServer.CheckResult(service, check, up, timestamp, latencyMs: up ? 20.0 : 0.0);

    /// <summary>A time as the monitoring file takes it (ISO 8601 in UTC, whole seconds).</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Polls <c>GET {path}</c> until <paramref name="done"/> holds for its JSON answer; fails after 60 s showing the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, _, body) = await Api.GetAsync(path);
            if (body.ValueKind != JsonValueKind.Undefined && done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within 60 s; last answer of {path}: {body}\nserver output:\n{Process.Output}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
