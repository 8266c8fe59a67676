namespace ItssMonitor.Server.Access;

/// <summary>
/// Where to go after signing in: the return URL when it is a path on this server, else the overview. Anything else
/// (another host, <c>//evil.example</c>, <c>/\evil.example</c>, a scheme) would make the login page an open redirect.
/// </summary>
internal static class LocalReturnUrl
{
    public static string Or(string? returnUrl, string fallback = "/") =>
        returnUrl is ['/', ..] && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : fallback;
}
