namespace ItssMonitor.Server.Pages.Shared;

/// <summary>
/// The address of a service's detail page, and the way back from it. Service names may hold anything
/// (spaces, slashes, '%', unicode), so the name is one escaped path segment, read back from the raw address.
/// </summary>
internal static class ServiceLink
{
    public const string Prefix = "services/";

    public static string For(string service) => Prefix + Uri.EscapeDataString(service);

    /// <summary>The service name in a base-relative address such as <c>services/Payments%20API?range=24h</c>; null for another address.</summary>
    public static string? NameIn(string relativeAddress)
    {
        var end = relativeAddress.IndexOfAny(['?', '#']);
        var path = end < 0 ? relativeAddress : relativeAddress[..end];
        return path.StartsWith(Prefix, StringComparison.Ordinal) && path.Length > Prefix.Length
            ? Uri.UnescapeDataString(path[Prefix.Length..])
            : null;
    }
}
