using Hangfire;
using Hangfire.Common;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Notifications.Email;
using ItssMonitor.Server.Notifications.Slack;
using ItssMonitor.Server.Notifications.Teams;
using ItssMonitor.Server.Notifications.Webhook;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Notifications;

/// <summary>Registers notifications: the channel senders, the dispatcher that listens to the alert engine, and the delivery and escalation jobs.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, EmailChannelsNeedSmtp>();

        services.AddHttpClient(JsonPoster.ClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<NotificationOptions>>().Value.SendTimeout)
            // The default request logging writes the full URL, and Slack and Teams URLs are secrets.
            .RemoveAllLoggers();
        services.AddSingleton<JsonPoster>();
        services.AddSingleton<INotificationSender, WebhookSender>();
        services.AddSingleton<INotificationSender, SlackSender>();
        services.AddSingleton<INotificationSender, TeamsSender>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<INotificationSender, EmailSender>();

        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<IAlertListener, NotificationDispatcher>();
        services.AddTransient<NotificationDeliveryJob>();
        services.AddTransient<EscalationJob>();

        // Hangfire takes its filter providers from the container; this adds the delivery job's retry settings to
        // the usual global and attribute filters (whichever of AddJobs and AddNotifications runs first).
        services.AddSingleton<IJobFilterProvider>(provider =>
            new JobFilterProviderCollection(JobFilterProviders.Providers, ActivatorUtilities.CreateInstance<NotificationRetries>(provider)));
        return services;
    }
}
