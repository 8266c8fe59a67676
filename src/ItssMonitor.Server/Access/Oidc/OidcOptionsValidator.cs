using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access.Oidc;

/// <summary>Checks <see cref="OidcOptions"/> at start; each failure names the key. Never echoes the client secret.</summary>
internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    private const string Section = OidcOptions.Section;

    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            failures.Add($"{Section}:Authority '{options.Authority}' is not an absolute https:// URL (http:// is allowed only for a loopback address, for tests), e.g. https://sso.example.com/realms/noc.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Section}:ClientId is required when {Section}:Authority is set: the client id registered for ItssMonitor at the identity provider.");
        }

        if (string.IsNullOrWhiteSpace(options.NameClaim))
        {
            failures.Add($"{Section}:NameClaim is empty; name the claim that holds the user's name, e.g. preferred_username.");
        }

        foreach (var (role, values) in options.Roles)
        {
            if (Access.Roles.Parse(role) is null)
            {
                failures.Add($"{Section}:Roles:{role} is not a role; use {string.Join(", ", Access.Roles.All)}.");
            }
            else if (values.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{Section}:Roles:{role} lists an empty group name.");
            }
        }

        if (options.DefaultRole is { Length: > 0 } fallback && Access.Roles.Parse(fallback) is null)
        {
            failures.Add($"{Section}:DefaultRole '{fallback}' is not a role; use {string.Join(", ", Access.Roles.All)}, or leave it unset to refuse users whose groups map to no role.");
        }

        if (options.Roles.Count == 0 && string.IsNullOrWhiteSpace(options.DefaultRole))
        {
            failures.Add($"{Section}:Roles maps no group to a role and {Section}:DefaultRole is unset, so nobody could sign in; map groups, e.g. {Section}:Roles:Operator:0=noc-operators.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
