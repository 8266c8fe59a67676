using Microsoft.AspNetCore.Authorization;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Whether a request goes to an endpoint anyone may use (static files, health checks, the sign-in pages): most requests
/// of a page load are static files, and there a session's or a kiosk token's freshness decides nothing, so the checks
/// that read the store for it skip them.
/// </summary>
internal static class AnonymousEndpoints
{
    public static bool Serve(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
