using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access;

/// <summary>Checks <see cref="AuthOptions"/> at start; failures name the key, never the password.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var (adminName, password) = (options.Admin.Name, options.Admin.Password);
        if (!string.IsNullOrWhiteSpace(adminName) && string.IsNullOrEmpty(password))
        {
            failures.Add("Auth:Admin:Name is set but Auth:Admin:Password is not; set both, or neither and create the first admin on the setup page.");
        }

        if (string.IsNullOrWhiteSpace(adminName) && !string.IsNullOrEmpty(password))
        {
            failures.Add("Auth:Admin:Password is set but Auth:Admin:Name is not; set both, or neither and create the first admin on the setup page.");
        }

        if (!string.IsNullOrEmpty(password) && PasswordRule.Problem(password) is not null)
        {
            failures.Add($"Auth:Admin:Password is shorter than {PasswordRule.MinimumLength} characters.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"Auth:SessionLifetime is {options.SessionLifetime}; it must be positive, e.g. 12:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
