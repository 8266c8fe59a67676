using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Notifications;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Notifications.Email;

/// <summary>
/// Stops start-up when the monitoring file declares an e-mail channel and <c>Notifications:Smtp:Host</c> is not
/// set: otherwise the first page would fail hours later, at the worst moment.
/// </summary>
internal sealed class EmailChannelsNeedSmtp(IMonitoringConfigurationSource source) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        // The monitoring file is read when its source is created, so its configuration is there already; a source
        // that is still waiting (the demo estate waits for the server's address) has no e-mail channels to check.
        var pending = source.GetAsync(CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            return ValidateOptionsResult.Success;
        }

        var email = pending.Result.Notifications.Channels.FirstOrDefault(channel => channel.Kind == NotificationChannelKind.Email);
        return email is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Notification channel '{email.Name}' sends e-mail, but {SmtpOptions.Section}:Host is not set.");
    }
}
