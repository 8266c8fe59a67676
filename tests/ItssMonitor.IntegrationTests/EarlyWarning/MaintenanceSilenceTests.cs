namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// The monitoring file's maintenance window on the live path of a real server process: a service that goes down
/// inside its window raises no alert and sends no webhook; when the window closes with the service still down, the
/// outage is alerted and notified like any other.
/// </summary>
public sealed class MaintenanceSilenceTests : IAsyncLifetime
{
    private static readonly TimeSpan WindowLeft = TimeSpan.FromSeconds(40);

    // Whole seconds, as the monitoring file writes it.
    private readonly DateTimeOffset _windowEnd = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) + WindowLeft;
    private EarlyWarningServer _server = null!;

    public async Task InitializeAsync() => _server = await EarlyWarningServer.StartAsync(
        receiver => "services:\n" + EarlyWarningServer.PushService("Ledger", "payments") + EarlyWarningServer.PushService("Refunds", "payments") + $$"""
            maintenance:
              - { name: "DB upgrade", services: [Ledger], start: "{{EarlyWarningServer.Iso(_windowEnd.AddHours(-1))}}", end: "{{EarlyWarningServer.Iso(_windowEnd)}}" }

            """ + EarlyWarningServer.WebhookRoute(receiver, "payments"),
        new Dictionary<string, string>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_service_down_in_its_maintenance_window_pages_nobody_until_the_window_closes()
    {
        await _server.PushAsync(EarlyWarningServer.CheckResult("Ledger", "api", up: false, DateTimeOffset.UtcNow));
        await _server.PushAsync(EarlyWarningServer.CheckResult("Refunds", "api", up: false, DateTimeOffset.UtcNow));

        // The live path handles changes in order: once Refunds is notified, Ledger's outage has been seen and silenced.
        var refunds = Assert.Single(await _server.Receiver.WaitForAcceptedAsync("hook", 1));
        Assert.Equal("Refunds", refunds.Json().GetProperty("service").GetString());
        Assert.True(DateTimeOffset.UtcNow < _windowEnd, "the window closed before the test could look; the server took too long to start");
        Assert.Empty((await _server.Api.GetAsync("api/v1/alerts?service=Ledger")).Body.EnumerateArray());
        Assert.Empty((await _server.Api.GetAsync("api/v1/alerts?state=resolved&service=Ledger")).Body.EnumerateArray());

        var ledger = (await _server.Receiver.WaitForAcceptedAsync("hook", 2))[1];
        Assert.Equal(("Ledger", "firing"), (ledger.Json().GetProperty("service").GetString(), ledger.Json().GetProperty("state").GetString()));
        Assert.True(ledger.ReceivedAt >= _windowEnd, $"Ledger was notified at {ledger.ReceivedAt:O}, inside its window ending {_windowEnd:O}");
    }
}
