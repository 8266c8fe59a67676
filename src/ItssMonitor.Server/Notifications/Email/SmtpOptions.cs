using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace ItssMonitor.Server.Notifications.Email;

/// <summary>Configuration section <c>Notifications:Smtp</c>: the server e-mail channels send through.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>ItssMonitor &lt;noc@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Set with <see cref="Password"/> to authenticate; both unset for a relay that needs no login.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"{Section}:Port must be between 1 and 65535 (got {Port}).", [nameof(Port)]);
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"{Section}:From must be an e-mail address such as 'ItssMonitor <noc@example.com>' (got '{From}').", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{Section}:User and {Section}:Password must be set together (one is missing).", [nameof(User), nameof(Password)]);
        }
    }
}
