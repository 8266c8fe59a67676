using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Storage.Relational;
using ItssMonitor.TestServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>The generic webhook against a real receiver: signature, payload, retries, idempotency, resolution, routing.</summary>
[Collection(NotificationCollection.Name)]
public sealed class WebhookNotificationTests
{
    private const string Secret = "s3cret-shared-with-the-receiver";

    [Fact]
    public async Task A_signed_webhook_arrives_once_despite_a_failed_first_attempt_and_the_retry_carries_the_same_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(1);
        await using var host = await NotificationHost.StartAsync(Plan(receiver));

        var alert = await host.FireAsync(NotificationHost.ServiceDown());

        await receiver.WaitForAcceptedAsync("hook", 1);
        var attempts = receiver.Requests;
        Assert.Equal([false, true], attempts.Select(request => request.Accepted));
        Assert.All(attempts, request => Assert.True(WebhookReceiver.SignatureIsValid(request, Secret), "signature does not verify"));
        var key = Assert.Single(attempts.Select(request => request.Header("Idempotency-Key")).Distinct());
        var record = Assert.Single(await host.RowsAsync<NotificationDeliveryRecord>());
        Assert.Equal((key, "ops-hook", alert.Fingerprint.Id, 2), (record.IdempotencyKey, record.Channel, record.AlertId, record.Attempts));
        Assert.NotNull(record.DeliveredAt);

        var body = attempts[1].Json();
        Assert.Equal(alert.Fingerprint.Id, body.GetProperty("id").GetString());
        Assert.Equal("Ledger", body.GetProperty("service").GetString());
        Assert.Equal("api", body.GetProperty("check").GetString());
        Assert.Equal("http", body.GetProperty("kind").GetString());
        Assert.Equal("critical", body.GetProperty("severity").GetString());
        Assert.Equal("firing", body.GetProperty("state").GetString());
        Assert.Equal("service down", body.GetProperty("summary").GetString());
        Assert.Equal(alert.OpenedAt, body.GetProperty("startsAt").GetDateTimeOffset());
        Assert.EndsWith("Z", body.GetProperty("startsAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("occurrence").GetInt32());
        Assert.Equal("service-down", body.GetProperty("rule").GetString());
        Assert.Equal("payments", body.GetProperty("team").GetString());
        Assert.Equal("connection refused", body.GetProperty("evidence").GetProperty("last error").GetString());
        Assert.Equal($"https://noc.example/monitor/incidents?alert={alert.Fingerprint.Id}", body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_delivery_recorded_as_done_is_not_sent_again_when_its_job_runs_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver));
        await host.FireAsync(NotificationHost.ServiceDown());
        await receiver.WaitForAcceptedAsync("hook", 1);
        var jobId = await Eventually(() => host.SucceededJobs(nameof(NotificationDeliveryJob.DeliverAsync)).SingleOrDefault(), "the delivery job to succeed");

        // What Hangfire does on a re-run (a requeue from the dashboard, a worker that died after sending): the same job, the same arguments.
        var arguments = host.JobArguments(jobId);
        await host.Services.GetRequiredService<NotificationDeliveryJob>()
            .DeliverAsync((string)arguments[0]!, (AlertNotification)arguments[1]!, (string)arguments[2]!, CancellationToken.None);

        Assert.Single(receiver.Requests);
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains("not sent again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolution_is_told_to_the_channels_that_heard_about_the_occurrence()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver));
        var fired = await host.FireAsync(NotificationHost.ServiceDown());
        await receiver.WaitForAcceptedAsync("hook", 1);

        var resolved = await host.ResolveAsync(fired.Fingerprint);

        var deliveries = await receiver.WaitForAcceptedAsync("hook", 2);
        var body = deliveries[1].Json();
        Assert.Equal(("resolved", fired.Fingerprint.Id, 1), (body.GetProperty("state").GetString(), body.GetProperty("id").GetString(), body.GetProperty("occurrence").GetInt32()));
        Assert.Equal(resolved.ResolvedAt, body.GetProperty("endsAt").GetDateTimeOffset());
        Assert.NotEqual(deliveries[0].Header("Idempotency-Key"), deliveries[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_is_logged_as_an_error_naming_the_channel_and_reason_without_the_url_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(int.MaxValue);
        var channel = new NotificationChannel("ops-hook", NotificationChannelKind.Webhook) { Url = new Uri(receiver.UrlFor("hook"), "?token=url-secret-42"), Secret = Secret };
        await using var host = await NotificationHost.StartAsync(new NotificationPlan([channel], [Route("ops-hook")]));

        await host.FireAsync(NotificationHost.ServiceDown());

        var error = await Eventually(
            () => host.Logs.Entries.FirstOrDefault(entry => entry.Level == LogLevel.Error && entry.Message.Contains("giving up", StringComparison.Ordinal)).Message,
            "the delivery to give up");
        Assert.Contains("ops-hook", error, StringComparison.Ordinal);
        Assert.Contains("500", error, StringComparison.Ordinal);
        // The first attempt and one retry per configured delay (two of 1 s in the test host).
        Assert.Equal(3, receiver.Requests.Count);
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Message.Contains("url-secret-42", StringComparison.Ordinal) || entry.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alert_of_a_team_without_a_route_is_logged_once_as_information_and_sends_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotificationHost.StartAsync(Plan(receiver));
        var info = NotificationHost.ServiceDown(AlertSeverity.Info);

        var alert = await host.FireAsync(info);
        await host.ResolveAsync(alert.Fingerprint);
        await host.FireAsync(info);

        var unrouted = host.Logs.Entries.Where(entry => entry.Message.Contains("matches no notification route", StringComparison.Ordinal)).ToArray();
        Assert.Equal(LogLevel.Information, Assert.Single(unrouted).Level);
        Assert.Empty(await host.RowsAsync<NotificationDeliveryRecord>());
    }

    internal static NotificationRoute Route(params string[] channels) =>
        new(NotificationHost.Team, [AlertSeverity.Critical, AlertSeverity.Warning], channels);

    private static NotificationPlan Plan(WebhookReceiver receiver) => new(
        [new NotificationChannel("ops-hook", NotificationChannelKind.Webhook) { Url = receiver.UrlFor("hook"), Secret = Secret }],
        [Route("ops-hook")]);

    internal static async Task<T> Eventually<T>(Func<T?> probe, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after 60 s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
