using System.Net;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// The alert review on Hangfire's schedule in a real server process, through to the webhook: an outage nobody
/// acknowledges is notified again after <c>Alerting:RefireAfter</c>, as a new notification (its own idempotency key,
/// the same alert and occurrence); once acknowledged, it is not.
/// </summary>
public sealed class RefireNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan RefireAfter = TimeSpan.FromSeconds(3);

    private EarlyWarningServer _server = null!;

    public async Task InitializeAsync() => _server = await EarlyWarningServer.StartAsync(
        receiver => "services:\n" + EarlyWarningServer.PushService("Checkout", "payments") + EarlyWarningServer.WebhookRoute(receiver, "payments"),
        new Dictionary<string, string>
        {
            ["Alerting__RefireAfter"] = RefireAfter.ToString(),
            ["Jobs__AlertReviewSchedule"] = "*/1 * * * * *",
            ["Hangfire__SchedulePollingInterval"] = "00:00:00.200",
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_unacknowledged_outage_is_notified_again_with_a_new_key_and_not_once_acknowledged()
    {
        await _server.PushAsync(EarlyWarningServer.CheckResult("Checkout", "api", up: false, DateTimeOffset.UtcNow));

        var twice = await _server.Receiver.WaitForAcceptedAsync("hook", 2);
        Assert.All(twice, request => Assert.Equal(("firing", 1), (request.Json().GetProperty("state").GetString(), request.Json().GetProperty("occurrence").GetInt32())));
        Assert.Equal(twice[0].Json().GetProperty("id").GetString(), twice[1].Json().GetProperty("id").GetString());
        Assert.NotEqual(twice[0].Header("Idempotency-Key"), twice[1].Header("Idempotency-Key"));

        var id = twice[0].Json().GetProperty("id").GetString();
        var (status, _, _) = await _server.Api.PostAsync($"api/v1/alerts/{id}/ack", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        // A re-fire decided just before the acknowledgement may still be on its way; after that, two more re-fire periods
        // and review ticks pass without anything sent for the acknowledged alert.
        await Task.Delay(RefireAfter);
        var acknowledgedWith = _server.Receiver.Accepted.Count;
        await Task.Delay((2 * RefireAfter) + TimeSpan.FromSeconds(1));
        Assert.Equal(acknowledgedWith, _server.Receiver.Accepted.Count);
    }
}
