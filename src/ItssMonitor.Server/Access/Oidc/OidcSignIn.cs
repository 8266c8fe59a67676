using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ItssMonitor.Server.Access.Oidc;

/// <summary>
/// Optional OpenID Connect sign-in: when <c>Auth:Oidc:Authority</c> is set, the scheme <see cref="Scheme"/> (code flow
/// with PKCE, signing in to the cookie scheme) and <c>GET /login/oidc?returnUrl=</c>, which sends the browser to the
/// identity provider. On the way back the provider's user becomes the same principal a local account carries
/// (<see cref="SessionEndpoints.Principal"/>: a name and one role), so policies and the audit log treat both alike;
/// a user whose claims map to no role is sent to the access-denied page without a session.
/// </summary>
internal static partial class OidcSignIn
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(OidcOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(OidcOptions.Authority)]))
        {
            return authentication;
        }

        var services = authentication.Services;
        services.AddOptions<OidcOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<OidcOptions>>((oidc, settings) => Configure(oidc, settings.Value));
        return authentication.AddOpenIdConnect(Scheme, section[nameof(OidcOptions.DisplayName)] ?? new OidcOptions().DisplayName, _ => { });
    }

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login/oidc", async (string? returnUrl, IAuthenticationSchemeProvider schemes) =>
        {
            if (await schemes.GetSchemeAsync(Scheme) is null)
            {
                return Results.Problem("OpenID Connect sign-in is not configured (Auth:Oidc:Authority).", statusCode: StatusCodes.Status404NotFound, title: "No single sign-on");
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.Or(returnUrl) }, [Scheme]);
        }).AllowAnonymous();
        return endpoints;
    }

    private static void Configure(OpenIdConnectOptions oidc, OidcOptions settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        // Plain HTTP passes the settings check only on loopback (tests); everywhere else the metadata must come over HTTPS.
        oidc.RequireHttpsMetadata = !Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttp;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // The code comes back on a plain GET: the cookies of the round trip can stay SameSite=Lax instead of None.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.CallbackPath = "/signin-oidc";
        oidc.AccessDeniedPath = "/denied";
        // Claim names as the provider sends them, so NameClaim and RoleClaim are what its documentation calls them.
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct(StringComparer.Ordinal))
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events.OnTicketReceived = context => SignInAsync(context, settings);
        oidc.Events.OnRemoteFailure = context =>
        {
            Logger(context.HttpContext).LogFailed(context.Failure?.Message ?? "unknown");
            context.Response.Redirect("/denied");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static Task SignInAsync(TicketReceivedContext context, OidcOptions settings)
    {
        var claims = context.Principal?.Claims.ToList() ?? [];
        var name = claims.FirstOrDefault(claim => claim.Type == settings.NameClaim)?.Value;
        var role = OidcRoleMapping.RoleOf(settings, claims);
        var logger = Logger(context.HttpContext);
        if (string.IsNullOrWhiteSpace(name) || role is null)
        {
            logger.LogRefused(name ?? $"(no {settings.NameClaim} claim)", string.Join(", ", settings.RoleClaims));
            context.Response.Redirect("/denied");
            context.HandleResponse();
            return Task.CompletedTask;
        }

        context.Principal = SessionEndpoints.Principal(name, role, Scheme);
        logger.LogSignedIn(name, role);
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} signed in through OpenID Connect as {Role}")]
    private static partial void LogSignedIn(this ILogger logger, string name, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect user {Name} refused: no name, or no value of {Claims} maps to a role and Auth:Oidc:DefaultRole is unset")]
    private static partial void LogRefused(this ILogger logger, string name, string claims);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID Connect sign-in failed: {Reason}")]
    private static partial void LogFailed(this ILogger logger, string reason);
}
