using System.Text;
using ItssMonitor.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ItssMonitor.Server.Notifications.Email;

/// <summary>
/// E-mail over SMTP (MailKit): the headline as subject, the facts as plain text, to the channel's <c>to</c>
/// addresses. The Message-Id comes from the idempotency key, so a copy sent again after a lost answer is
/// recognisably the same message (mail clients and archives fold it).
/// </summary>
internal sealed class EmailSender(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> notifications) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        if (settings is not { Host: { Length: > 0 } host, From: { } from })
        {
            throw new NotificationDeliveryException($"Channel '{channel.Name}' sends e-mail but {SmtpOptions.Section}:Host is not set.");
        }

        if (channel.To.Count == 0)
        {
            throw new NotificationDeliveryException($"Channel '{channel.Name}' (email) has no 'to' addresses.");
        }

        using var client = new SmtpClient { Timeout = (int)notifications.Value.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.Port, Security(settings.Security), cancellationToken);
        if (settings.User is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(Message(from, channel, notification, idempotencyKey), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The Message-Id of the e-mail for a notification with this idempotency key.</summary>
    public static string MessageId(string idempotencyKey) => $"{idempotencyKey}@itssmonitor";

    private static MimeMessage Message(string from, NotificationChannel channel, AlertNotification notification, string idempotencyKey)
    {
        var message = new MimeMessage { Subject = notification.Headline, MessageId = MessageId(idempotencyKey) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(channel.To.Select(MailboxAddress.Parse));
        message.Body = new TextPart("plain") { Text = Text(notification) };
        return message;
    }

    private static string Text(AlertNotification notification)
    {
        var text = new StringBuilder().AppendLine(notification.Headline).AppendLine();
        var width = notification.Facts.Max(fact => fact.Name.Length) + 1;
        foreach (var (name, value) in notification.Facts)
        {
            text.Append((name + ":").PadRight(width + 1)).AppendLine(value);
        }

        if (notification.Link is { } link)
        {
            text.AppendLine().Append("Incident: ").AppendLine(link.ToString());
        }

        return text.ToString();
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
