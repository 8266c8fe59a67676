using System.Text.Json;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.Server.Notifications.Teams;

/// <summary>
/// A Microsoft Teams incoming webhook (a Workflows "post to a channel when a webhook request is received" URL):
/// a <c>message</c> carrying one Adaptive Card, the envelope those webhooks expect now that Office 365 connectors
/// and their MessageCards are retired.
/// </summary>
internal sealed class TeamsSender(JsonPoster poster) : INotificationSender
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public NotificationChannelKind Kind => NotificationChannelKind.Teams;

    public Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken) =>
        poster.PostAsync(channel, Body(notification), [], cancellationToken);

    private static byte[] Body(AlertNotification notification)
    {
        var card = new Dictionary<string, object>
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new object[]
            {
                new { type = "TextBlock", text = notification.Headline, weight = "Bolder", size = "Medium", wrap = true, color = Color(notification) },
                new { type = "FactSet", facts = notification.Facts.Select(fact => new { title = fact.Name, value = fact.Value }) },
            },
        };
        if (notification.Link is { } link)
        {
            card["actions"] = new[] { new { type = "Action.OpenUrl", title = "Open incident", url = link } };
        }

        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "message",
            attachments = new[] { new { contentType = AdaptiveCardContentType, contentUrl = (string?)null, content = card } },
        });
    }

    private static string Color(AlertNotification notification) => notification switch
    {
        { State: NotificationState.Resolved } => "Good",
        { Severity: AlertSeverity.Critical } => "Attention",
        { Severity: AlertSeverity.Warning } => "Warning",
        _ => "Default",
    };
}
