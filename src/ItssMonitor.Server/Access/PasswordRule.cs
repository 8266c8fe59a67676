namespace ItssMonitor.Server.Access;

/// <summary>
/// What a new password must be: at least <see cref="MinimumLength"/> characters. Length only, as NIST SP 800-63B
/// advises: composition rules make passwords harder to remember, not harder to guess.
/// </summary>
internal static class PasswordRule
{
    public const int MinimumLength = 12;

    /// <summary>Why the password is not acceptable, or null when it is.</summary>
    public static string? Problem(string? password) => password is { Length: >= MinimumLength }
        ? null
        : $"The password must be at least {MinimumLength} characters long.";
}
