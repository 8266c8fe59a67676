using System.Text.Json;
using ItssMonitor.IntegrationTests.Hub;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>The <c>alert-review</c> recurring job in the real server process, on Hangfire's schedule: it re-fires what nobody acknowledged.</summary>
public sealed class AlertReviewJobTests
{
    [Fact]
    public async Task The_review_job_refires_an_unacknowledged_alert_after_the_refire_time()
    {
        await using var server = await HubServer.StartAsync(
            ("Alerting__RefireAfter", "00:00:02"),
            ("Jobs__AlertReviewSchedule", "*/1 * * * * *"),
            ("Hangfire__SchedulePollingInterval", "00:00:00.500"));
        using var api = new AlertApi(server.Process);
        await server.PushAsync("Search", up: false, latencyMs: 0);
        var id = (await api.WaitForServiceDownAsync("Search", "firing")).GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement timeline;
        do
        {
            await Task.Delay(250);
            timeline = (await api.GetAsync($"api/v1/alerts/{id}")).Body.GetProperty("timeline");
        }
        while (!timeline.EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "refired") && DateTime.UtcNow < deadline);

        var kinds = timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["opened", "notified", "refired", "notified"], kinds.Take(4));
    }
}
