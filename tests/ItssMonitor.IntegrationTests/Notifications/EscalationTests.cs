using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Storage.Relational;
using ItssMonitor.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>Escalation as Hangfire scheduled jobs on real (in-memory) Hangfire storage.</summary>
[Collection(NotificationCollection.Name)]
public sealed class EscalationTests
{
    [Fact]
    public async Task Nobody_acknowledging_within_escalate_after_brings_in_the_escalation_channels()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver, TimeSpan.FromSeconds(1)));

        var alert = await host.FireAsync(NotificationHost.ServiceDown());

        var escalation = Assert.Single(await receiver.WaitForAcceptedAsync("escalation", 1)).Json();
        Assert.Equal(("escalated", alert.Fingerprint.Id), (escalation.GetProperty("state").GetString(), escalation.GetProperty("id").GetString()));
        Assert.Single(await receiver.WaitForAcceptedAsync("hook", 1));
        Assert.Equal("Succeeded", host.JobState(Assert.Single(await host.RowsAsync<ScheduledEscalation>()).JobId));
    }

    [Fact]
    public async Task Acknowledging_deletes_the_scheduled_escalation_and_an_escalation_that_runs_anyway_sends_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver, TimeSpan.FromMinutes(10)));
        var alert = await host.FireAsync(NotificationHost.ServiceDown());
        var scheduled = Assert.Single(await host.RowsAsync<ScheduledEscalation>());
        Assert.Equal("Scheduled", host.JobState(scheduled.JobId));

        await host.AcknowledgeAsync(alert.Fingerprint, "alice");

        Assert.Equal("Deleted", host.JobState(scheduled.JobId));
        Assert.Empty(await host.RowsAsync<ScheduledEscalation>());

        // An escalation that was already running when the acknowledgement came checks the alert itself.
        await host.Services.GetRequiredService<EscalationJob>()
            .EscalateAsync(alert.Fingerprint.Id, alert.Occurrence, ["ops-escalation"], CancellationToken.None);
        Assert.DoesNotContain(await host.RowsAsync<NotificationDeliveryRecord>(), record => record.State == "escalated");
        await receiver.WaitForAcceptedAsync("hook", 1);
        Assert.DoesNotContain(receiver.Requests, request => request.Path == "/escalation");
    }

    [Fact]
    public async Task A_refire_of_an_unacknowledged_alert_is_a_new_notification_but_not_a_second_escalation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver, TimeSpan.FromMinutes(10)));
        await host.FireAsync(NotificationHost.ServiceDown());

        await host.ReviewAsync(DateTimeOffset.UtcNow + AlertPolicy.Default.RefireAfter + TimeSpan.FromMinutes(1));

        var deliveries = await receiver.WaitForAcceptedAsync("hook", 2);
        Assert.All(deliveries, delivery => Assert.Equal("firing", delivery.Json().GetProperty("state").GetString()));
        Assert.NotEqual(deliveries[0].Header("Idempotency-Key"), deliveries[1].Header("Idempotency-Key"));
        Assert.Single(await host.RowsAsync<ScheduledEscalation>());
    }

    private static NotificationPlan Plan(WebhookReceiver receiver, TimeSpan escalateAfter) => new(
        [
            new NotificationChannel("ops-hook", NotificationChannelKind.Webhook) { Url = receiver.UrlFor("hook") },
            new NotificationChannel("ops-escalation", NotificationChannelKind.Webhook) { Url = receiver.UrlFor("escalation") },
        ],
        [new NotificationRoute(NotificationHost.Team, [AlertSeverity.Critical], ["ops-hook"], escalateAfter, ["ops-escalation"])]);
}
