using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Core.Notifications;

/// <summary>The monitoring file's <c>notifications:</c> section: the channels, and the routes that pick them.</summary>
public sealed record NotificationPlan(IReadOnlyList<NotificationChannel> Channels, IReadOnlyList<NotificationRoute> Routes)
{
    public static NotificationPlan None { get; } = new([], []);

    public NotificationChannel? FindChannel(string name) => Channels.FirstOrDefault(channel => channel.Name == name);

    /// <summary>Every route an alert of a service of <paramref name="team"/> with <paramref name="severity"/> takes, in file order.</summary>
    public IReadOnlyList<NotificationRoute> RoutesFor(string team, AlertSeverity severity) =>
        Routes.Where(route => route.Matches(team, severity)).ToArray();
}
