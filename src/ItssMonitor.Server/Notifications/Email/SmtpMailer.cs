using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ItssMonitor.Server.Notifications.Email;

/// <summary>
/// Sends a message through the SMTP server of <c>Notifications:Smtp</c> from its <c>From</c> address: one way out for
/// every e-mail the server sends (alert notifications, the monthly SLA report).
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> notifications)
{
    /// <param name="purpose">What sends it, named in the error when SMTP is not configured.</param>
    /// <exception cref="NotificationDeliveryException"><c>Notifications:Smtp:Host</c> is not set.</exception>
    public async Task SendAsync(MimeMessage message, string purpose, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        if (settings is not { Host: { Length: > 0 } host, From: { } from })
        {
            throw new NotificationDeliveryException($"{purpose} sends e-mail but {SmtpOptions.Section}:Host is not set.");
        }

        message.From.Add(MailboxAddress.Parse(from));
        using var client = new SmtpClient { Timeout = (int)notifications.Value.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.Port, Security(settings.Security), cancellationToken);
        if (settings.User is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
