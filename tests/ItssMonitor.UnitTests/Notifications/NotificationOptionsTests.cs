using System.ComponentModel.DataAnnotations;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Server.Notifications.Email;
using Microsoft.Extensions.Configuration;

namespace ItssMonitor.UnitTests.Notifications;

/// <summary>Binding and validation of the <c>Notifications</c> and <c>Notifications:Smtp</c> sections.</summary>
public sealed class NotificationOptionsTests
{
    [Fact]
    public void Configured_retry_delays_replace_the_defaults_instead_of_adding_to_them()
    {
        var options = Bind<NotificationOptions>(NotificationOptions.Section, ("RetryDelays:0", "00:00:05"), ("RetryDelays:1", "00:01:00"));

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)], options.EffectiveRetryDelays);
        Assert.Equal(NotificationOptions.DefaultRetryDelays, new NotificationOptions().EffectiveRetryDelays);
    }

    [Fact]
    public void Bad_notification_settings_are_named_with_their_key_and_value()
    {
        var options = Bind<NotificationOptions>(NotificationOptions.Section, ("PublicUrl", "ftp://noc.example"), ("RetryDelays:0", "00:00:00.5"));

        var errors = Errors(options);

        Assert.Contains(errors, error => error.Contains("Notifications:PublicUrl", StringComparison.Ordinal) && error.Contains("ftp://noc.example", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("Notifications:RetryDelays", StringComparison.Ordinal) && error.Contains("00:00:00.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Smtp_settings_need_a_sender_and_user_and_password_together_once_a_host_is_set()
    {
        Assert.Empty(Errors(new SmtpOptions()));

        var errors = Errors(Bind<SmtpOptions>(SmtpOptions.Section, ("Host", "smtp.example"), ("User", "noc")));

        Assert.Contains(errors, error => error.Contains("Notifications:Smtp:From", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("Notifications:Smtp:User and Notifications:Smtp:Password", StringComparison.Ordinal));
    }

    private static T Bind<T>(string section, params (string Key, string Value)[] settings)
        where T : new()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>($"{section}:{setting.Key}", setting.Value)))
            .Build();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    private static string[] Errors(IValidatableObject options) =>
        [.. options.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage ?? "")];
}
