using System.Security.Claims;
using System.Text.Encodings.Web;
using ItssMonitor.Server.Access.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Authenticates ingest requests by API key (see <see cref="ApiKeyRing.PresentedKey"/>); the principal's name is the
/// key's name. No key: 401. A key nobody configured or created, or one revoked: 403. Both as problem+json; the key itself is never logged.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys,
    CredentialStore stored,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "IngestApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyRing.PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (keys.Find(presented) is not { } key)
        {
            LogUnknownKey(Logger, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return AuthenticateResult.Fail("The API key is not known.");
        }

        if (key.StoredId is { } id)
        {
            await stored.NoteUseAsync(id, key.LastUsedAt, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is not null)
        {
            await WriteAsync(StatusCodes.Status403Forbidden, "The API key is not known", "The key sent is neither in Ingest:ApiKeys nor an active key created by an admin.");
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer, Basic realm=\"ItssMonitor ingest\"";
        var detail = "Send an API key as 'Authorization: Bearer <key>', 'X-Api-Key: <key>', or as the password of Basic authentication.";
        await WriteAsync(StatusCodes.Status401Unauthorized, "An API key is required", keys.IsEmpty ? detail + " No keys exist yet: configure Ingest:ApiKeys, or have an admin create one (/admin/api-keys)." : detail);
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest request to {Path} from {RemoteAddress} refused: unknown API key")]
    private static partial void LogUnknownKey(ILogger logger, string path, string remoteAddress);
}
