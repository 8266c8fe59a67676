namespace ItssMonitor.Core.Notifications;

/// <summary>
/// One named way to reach people: <c>{ name: ops-hook, kind: webhook, url: "https://…", secret: "s3cret" }</c> or
/// <c>{ name: ops-mail, kind: email, to: ["oncall@example.com"] }</c>. <see cref="Url"/> is set for the webhook
/// kinds, <see cref="To"/> for e-mail; <see cref="Secret"/> only for the generic webhook.
/// </summary>
public sealed record NotificationChannel(string Name, NotificationChannelKind Kind)
{
    public Uri? Url { get; init; }

    public string? Secret { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];
}
