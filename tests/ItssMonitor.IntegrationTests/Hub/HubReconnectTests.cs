using System.Diagnostics;
using ItssMonitor.Core.Status;
using Microsoft.AspNetCore.SignalR.Client;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>A client with automatic reconnect across a crash and restart of the server process.</summary>
public sealed class HubReconnectTests : IAsyncLifetime
{
    // Retry every 250 ms for a minute: the restarted server takes a few seconds to listen again.
    private static readonly TimeSpan[] Retries = Enumerable.Repeat(TimeSpan.FromMilliseconds(250), 240).ToArray();
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private HubServer _server = null!;

    public async Task InitializeAsync() => _server = await HubServer.StartAsync();

    [Fact]
    public async Task After_a_crash_the_client_reconnects_by_itself_gets_a_fresh_snapshot_keeps_a_URL_filter_and_loses_a_Subscribe_filter()
    {
        await using var byUrl = await StatusListener.ConnectAsync(new Uri(_server.HubUrl + "?team=payments"), _server.Session, configure: builder => builder.WithAutomaticReconnect(Retries));
        await using var bySubscribe = await StatusListener.ConnectAsync(_server.HubUrl, _server.Session, configure: builder => builder.WithAutomaticReconnect(Retries));
        await bySubscribe.Connection.InvokeAsync("Subscribe", null, "staging");
        // The documented way to keep a Subscribe filter: subscribe again once reconnected.
        bySubscribe.Connection.Reconnected += _ => bySubscribe.Connection.InvokeAsync("Subscribe", null, "staging");
        Assert.Equal(["Payments API", "Payments Batch"], Names(byUrl.Received[0]));

        var crashed = Stopwatch.GetTimestamp();
        await _server.Process.KillAsync();
        await _server.Process.StartAgainAsync();

        var fresh = await byUrl.WaitForAsync(StatusListener.Snapshot, _ => true, Wait, "a snapshot after reconnecting", crashed);
        Assert.Equal(HubConnectionState.Connected, byUrl.Connection.State);
        Assert.Equal(["Payments API", "Payments Batch"], Names(fresh));
        Assert.All(fresh.Services, service => Assert.Equal(ServiceState.Unknown, service.State)); // the restarted server's board
        // The connection's own snapshot and the one answering the handler's Subscribe may arrive in either order.
        var unfiltered = await bySubscribe.WaitForAsync(StatusListener.Snapshot, services => services.Count == HubServer.Services.Count, Wait, "the unfiltered snapshot after reconnecting", crashed);
        Assert.Equal(HubServer.Services.Order(), Names(unfiltered));
        var resubscribed = await bySubscribe.WaitForAsync(StatusListener.Snapshot, services => services.Count == 1, Wait, "the snapshot of the new Subscribe", crashed);
        Assert.Equal(["Payments Batch"], Names(resubscribed));

        var pushed = Stopwatch.GetTimestamp();
        await _server.PushAsync("Payments API", up: false, latencyMs: 5);
        await byUrl.WaitForAsync(StatusListener.StatusChanged, services => services.Any(s => s.Service == "Payments API" && s.State == ServiceState.Down), TimeSpan.FromSeconds(5), "Payments API down", pushed);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static IEnumerable<string> Names(ReceivedStatus message) => message.Services.Select(service => service.Service).Order();
}
