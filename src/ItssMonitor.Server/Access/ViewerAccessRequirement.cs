using Microsoft.AspNetCore.Authorization;

namespace ItssMonitor.Server.Access;

/// <summary>
/// What the Viewer policy asks: a user with at least the Viewer role; or, with <c>Auth:AnonymousViewer</c> on, a
/// request with no sign-in at all. <see cref="AcceptsIngestKey"/> also lets an ingest API key through (<c>/metrics</c>,
/// which Prometheus scrapes with a key).
/// </summary>
internal sealed record ViewerAccessRequirement(bool AcceptsIngestKey) : IAuthorizationRequirement;
