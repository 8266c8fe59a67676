namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>The notification tests run one host at a time: Hangfire keeps its storage and configuration in statics.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationCollection
{
    public const string Name = "Notifications in-process";
}
