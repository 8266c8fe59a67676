using System.Security.Cryptography;
using System.Text.Json;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.Server.Notifications.Webhook;

/// <summary>
/// The generic webhook: the notification as JSON, signed with <c>X-Itss-Signature: sha256=&lt;hex HMAC-SHA256 of the
/// body&gt;</c> when the channel has a secret, so the receiver can tell it came from us and was not altered.
/// </summary>
internal sealed class WebhookSender(JsonPoster poster) : INotificationSender
{
    public const string SignatureHeader = "X-Itss-Signature";

    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

    public Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = Body(notification);
        var headers = new Dictionary<string, string> { [IdempotencyHeader] = idempotencyKey };
        if (channel.Secret is { Length: > 0 } secret)
        {
            headers[SignatureHeader] = Sign(body, secret);
        }

        return poster.PostAsync(channel, body, headers, cancellationToken);
    }

    /// <summary>The signature header's value for <paramref name="body"/>: what a receiver computes to verify it.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    private static byte[] Body(AlertNotification notification) => JsonSerializer.SerializeToUtf8Bytes(
        new
        {
            id = notification.AlertId,
            service = notification.Service,
            check = notification.Check,
            kind = notification.Kind,
            team = notification.Team,
            severity = notification.SeverityName,
            state = notification.StateName,
            summary = notification.Summary,
            // As UTC DateTime: written "…Z", where a DateTimeOffset would be "+00:00" with the '+' escaped as \u002B.
            startsAt = notification.StartsAt.UtcDateTime,
            endsAt = notification.ResolvedAt?.UtcDateTime,
            occurrence = notification.Occurrence,
            rule = notification.Rule,
            evidence = notification.Evidence,
            acknowledgedBy = notification.AcknowledgedBy,
            url = notification.Link,
        },
        Json);
}
