using System.Text.Json;
using System.Threading.Channels;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>Alerts on <c>/hubs/status</c> through a real SignalR client: the open alerts on connect, then every change as it is stored.</summary>
public sealed class AlertHubTests(SharedHubServer fixture) : IClassFixture<SharedHubServer>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly AlertApi _api = new(fixture.Server.Process);

    [Fact]
    public async Task A_client_gets_open_alerts_on_connect_and_each_change_after()
    {
        await using var early = await ConnectAsync();
        var atConnect = await early.Messages.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal("OpenAlerts", atConnect.Method);
        Assert.DoesNotContain(atConnect.Payload.EnumerateArray(), alert => alert.GetProperty("service").GetString() == "Search");

        await fixture.Server.PushAsync("Search", up: false, latencyMs: 0);
        var fired = await early.NextAsync("AlertChanged", alert => alert.GetProperty("service").GetString() == "Search");
        Assert.Equal(("service-down", "firing", "critical"), (fired.GetProperty("rule").GetString(), fired.GetProperty("state").GetString(), fired.GetProperty("severity").GetString()));

        var id = fired.GetProperty("id").GetString();
        await _api.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        var acknowledged = await early.NextAsync("AlertChanged", alert => alert.GetProperty("id").GetString() == id);
        Assert.Equal(("acknowledged", ServerProcess.AdminName), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));

        await using var late = await ConnectAsync();
        var open = await late.NextAsync("OpenAlerts", _ => true);
        var search = Assert.Single(open.EnumerateArray(), alert => alert.GetProperty("id").GetString() == id);
        Assert.Equal("acknowledged", search.GetProperty("state").GetString());

        await fixture.Server.PushAsync("Search", up: true, latencyMs: 3);
        var resolved = await early.NextAsync("AlertChanged", alert => alert.GetProperty("id").GetString() == id);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_MessagePack_client_gets_the_open_alerts_on_connect()
    {
        await fixture.Server.PushAsync("Payments API", up: false, latencyMs: 0);
        var alert = await _api.WaitForServiceDownAsync("Payments API", "open");
        var open = new TaskCompletionSource<List<OpenAlert>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(fixture.Server.HubUrl, options => options.Cookies.Add(fixture.Server.Session)).AddMessagePackProtocol().Build();
        connection.On<List<OpenAlert>>("OpenAlerts", alerts => open.TrySetResult(alerts));
        await connection.StartAsync();

        var received = await open.Task.WaitAsync(Timeout);

        var payments = Assert.Single(received, a => a.Id == alert.GetProperty("id").GetString());
        Assert.Equal(("Payments API", "service-down"), (payments.Service, payments.Rule));
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    public void Dispose() => _api.Dispose();

    private async Task<AlertClient> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(fixture.Server.HubUrl, options => options.Cookies.Add(fixture.Server.Session)).Build();
        var client = new AlertClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>The part of an alert the MessagePack test reads (members are matched by name).</summary>
    public sealed class OpenAlert
    {
        public string Id { get; set; } = "";

        public string Rule { get; set; } = "";

        public string Service { get; set; } = "";
    }

    private sealed class AlertClient : IAsyncDisposable
    {
        private readonly HubConnection _connection;

        public AlertClient(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("OpenAlerts", alerts => Messages.Writer.TryWrite(("OpenAlerts", alerts.Clone())));
            connection.On<JsonElement>("AlertChanged", alert => Messages.Writer.TryWrite(("AlertChanged", alert.Clone())));
        }

        public Channel<(string Method, JsonElement Payload)> Messages { get; } = Channel.CreateUnbounded<(string, JsonElement)>();

        /// <summary>Skips messages until one of <paramref name="method"/> matches; fails after the timeout.</summary>
        public async Task<JsonElement> NextAsync(string method, Func<JsonElement, bool> matches)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            while (true)
            {
                var (received, payload) = await Messages.Reader.ReadAsync(timeout.Token);
                if (received == method && matches(payload))
                {
                    return payload;
                }
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
