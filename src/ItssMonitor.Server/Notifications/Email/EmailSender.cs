using System.Text;
using ItssMonitor.Core.Notifications;
using MimeKit;

namespace ItssMonitor.Server.Notifications.Email;

/// <summary>
/// E-mail over SMTP (MailKit): the headline as subject, the facts as plain text, to the channel's <c>to</c>
/// addresses. The Message-Id comes from the idempotency key, so a copy sent again after a lost answer is
/// recognisably the same message (mail clients and archives fold it).
/// </summary>
internal sealed class EmailSender(SmtpMailer mailer) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (channel.To.Count == 0)
        {
            throw new NotificationDeliveryException($"Channel '{channel.Name}' (email) has no 'to' addresses.");
        }

        await mailer.SendAsync(Message(channel, notification, idempotencyKey), $"Channel '{channel.Name}'", cancellationToken);
    }

    /// <summary>The Message-Id of the e-mail for a notification with this idempotency key.</summary>
    public static string MessageId(string idempotencyKey) => $"{idempotencyKey}@itssmonitor";

    private static MimeMessage Message(NotificationChannel channel, AlertNotification notification, string idempotencyKey)
    {
        var message = new MimeMessage { Subject = notification.Headline, MessageId = MessageId(idempotencyKey) };
        message.To.AddRange(channel.To.Select(MailboxAddress.Parse));
        message.Body = new TextPart("plain") { Text = Text(notification) };
        return message;
    }

    private static string Text(AlertNotification notification)
    {
        var text = new StringBuilder().AppendLine(notification.Headline).AppendLine();
        var facts = notification.Facts;
        var width = facts.Max(fact => fact.Name.Length) + 1;
        foreach (var (name, value) in facts)
        {
            text.Append((name + ":").PadRight(width + 1)).AppendLine(value);
        }

        if (notification.Link is { } link)
        {
            text.AppendLine().Append("Incident: ").AppendLine(link.ToString());
        }

        return text.ToString();
    }
}
