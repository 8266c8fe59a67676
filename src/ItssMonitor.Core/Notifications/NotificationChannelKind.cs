namespace ItssMonitor.Core.Notifications;

/// <summary>How a channel delivers: the <c>kind</c> of a channel in the monitoring file.</summary>
public enum NotificationChannelKind
{
    /// <summary>Generic JSON webhook, signed with <c>X-Itss-Signature</c> when the channel has a secret.</summary>
    Webhook,

    /// <summary>Slack incoming webhook.</summary>
    Slack,

    /// <summary>Microsoft Teams incoming webhook.</summary>
    Teams,

    /// <summary>E-mail over SMTP (server settings under <c>Notifications:Smtp</c>).</summary>
    Email,
}
