using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ItssMonitor.Server.Status;
using ItssMonitor.Server.Wall;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Scheme <c>Kiosk</c>: a wall display that cannot sign in presents a kiosk token, as <c>?kiosk=</c> on <c>/wall</c>
/// and on the hub, or in the HttpOnly cookie set when <c>/wall?kiosk=</c> is opened (so the wall's script and style
/// and its reconnects need nothing more). The principal is read-only: <c>kiosk:&lt;name&gt;</c> with role Viewer.
/// Every request checks the shared store, so a revocation on any node refuses the next request.
/// </summary>
internal sealed partial class KioskAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CredentialStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Kiosk";
    public const string QueryName = "kiosk";
    public const string CookieName = "itss-kiosk";
    private const string TokenIdClaim = "itss:kiosk-token-id";

    /// <summary>Whether the request carries a kiosk token in its query where one is accepted (the wall and the hub).</summary>
    public static bool HasQueryToken(HttpRequest request) =>
        (request.Path.StartsWithSegments(WallEndpoints.Path) || request.Path.StartsWithSegments(StatusEndpoints.HubPath))
        && request.Query.ContainsKey(QueryName);

    /// <summary>The id of the kiosk token the principal came in with, or null for anyone else.</summary>
    public static long? TokenId(ClaimsPrincipal? user) =>
        user?.FindFirstValue(TokenIdClaim) is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromQuery = HasQueryToken(Request);
        var token = fromQuery ? Request.Query[QueryName].ToString() : Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token) || AnonymousEndpoints.Serve(Context))
        {
            return AuthenticateResult.NoResult();
        }

        var record = await store.FindActiveAsync(CredentialKind.KioskToken, token, Context.RequestAborted);
        if (record is null)
        {
            if (!fromQuery)
            {
                // A dead token's cookie would otherwise keep being chosen over a sign-in in this browser.
                Response.Cookies.Delete(CookieName);
            }

            LogRefused(Logger, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return AuthenticateResult.Fail("The kiosk token is unknown or revoked.");
        }

        if (fromQuery && Request.Path.StartsWithSegments(WallEndpoints.Path))
        {
            Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                IsEssential = true,
            });
        }

        await store.NoteUseAsync(record.Id, record.LastUsedAt, Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "kiosk:" + record.Name),
                new Claim(ClaimTypes.Role, Roles.Viewer),
                new Claim(TokenIdClaim, record.Id.ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Path} from {RemoteAddress} refused: unknown or revoked kiosk token")]
    private static partial void LogRefused(ILogger logger, string path, string remoteAddress);
}
