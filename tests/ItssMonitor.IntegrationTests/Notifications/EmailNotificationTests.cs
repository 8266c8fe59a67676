using ItssMonitor.Core.Notifications;
using ItssMonitor.Storage.Relational;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>E-mail notifications through a real SMTP server process on loopback.</summary>
[Collection(NotificationCollection.Name)]
public sealed class EmailNotificationTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private static readonly NotificationPlan MailPlan = new(
        [new NotificationChannel("ops-mail", NotificationChannelKind.Email) { To = ["oncall@example.com", "lead@example.com"] }],
        [WebhookNotificationTests.Route("ops-mail")]);

    [Fact]
    public async Task An_alert_arrives_as_a_plain_text_mail_with_the_headline_as_subject_to_every_recipient()
    {
        await using var host = await NotificationHost.StartAsync(MailPlan, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = smtp.Host,
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:From"] = "ItssMonitor <noc@example.com>",
            ["Notifications:Smtp:Security"] = "None",
        });
        var before = smtp.Messages().Count;

        var alert = await host.FireAsync(NotificationHost.ServiceDown());

        var stored = (await smtp.WaitForMessagesAsync(before + 1, TimeSpan.FromSeconds(60)))[before];
        using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored));
        var message = await MimeMessage.LoadAsync(source);
        Assert.Equal("[CRITICAL] Ledger: service down", message.Subject);
        Assert.Equal("noc@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["oncall@example.com", "lead@example.com"], message.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Contains("oncall@example.com", message.Headers["X-RcptTo"], StringComparison.Ordinal);
        Assert.Contains("lead@example.com", message.Headers["X-RcptTo"], StringComparison.Ordinal);
        var record = Assert.Single(await host.RowsAsync<NotificationDeliveryRecord>());
        Assert.Equal($"{record.IdempotencyKey}@itssmonitor", message.MessageId);

        var text = message.TextBody;
        Assert.Contains("Service:", text, StringComparison.Ordinal);
        Assert.Contains("Ledger", text, StringComparison.Ordinal);
        Assert.Contains("critical", text, StringComparison.Ordinal);
        Assert.Contains("connection refused", text, StringComparison.Ordinal);
        Assert.Contains($"https://noc.example/monitor/incidents?alert={alert.Fingerprint.Id}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_channel_without_an_smtp_host_stops_start_up_with_a_message_naming_both()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => NotificationHost.StartAsync(MailPlan));

        Assert.Contains("'ops-mail'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Smtp:Host", failure.Message, StringComparison.Ordinal);
    }
}
