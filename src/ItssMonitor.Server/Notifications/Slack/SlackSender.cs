using System.Text.Json;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.Server.Notifications.Slack;

/// <summary>
/// A Slack incoming webhook: <c>text</c> (what phones and screen readers show) and <c>blocks</c> (the headline with a
/// severity emoji, the facts, a button to the incident page).
/// </summary>
internal sealed class SlackSender(JsonPoster poster) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Slack;

    public Task SendAsync(NotificationChannel channel, AlertNotification notification, string idempotencyKey, CancellationToken cancellationToken) =>
        poster.PostAsync(channel, Body(notification), [], cancellationToken);

    /// <summary>The emoji in front of the headline: the colour an on-call engineer reads before the words.</summary>
    private static string Emoji(AlertNotification notification) => notification switch
    {
        { State: NotificationState.Resolved } => ":white_check_mark:",
        { Severity: AlertSeverity.Critical } => ":red_circle:",
        { Severity: AlertSeverity.Warning } => ":large_orange_circle:",
        _ => ":information_source:",
    };

    private static byte[] Body(AlertNotification notification)
    {
        var headline = $"{Emoji(notification)} {Escape(notification.Headline)}";
        var blocks = new List<object>
        {
            new { type = "section", text = new { type = "mrkdwn", text = $"*{headline}*" } },
            new
            {
                type = "section",
                // Slack allows at most 10 fields in a section.
                fields = notification.Facts.Take(10).Select(fact => new { type = "mrkdwn", text = $"*{Escape(fact.Name)}*\n{Escape(fact.Value)}" }),
            },
        };
        if (notification.Link is { } link)
        {
            blocks.Add(new
            {
                type = "actions",
                elements = new[] { new { type = "button", text = new { type = "plain_text", text = "Open incident" }, url = link } },
            });
        }

        var text = notification.Link is { } url ? $"{headline} <{url}|Open incident>" : headline;
        return JsonSerializer.SerializeToUtf8Bytes(new { text, blocks });
    }

    // Slack's mrkdwn reads &, < and > as markup; a service called "A<B" must not become a broken link.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
