using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Kiosk tokens and admin-created ingest API keys: the <c>Kiosk</c> scheme, the default scheme that picks it or the
/// sign-in cookie per request, the store, the watches that keep nodes in step, and the admin API.
/// </summary>
internal static class AccessKeysExtensions
{
    /// <summary>The default scheme: forwards to <c>Kiosk</c> for a request with a kiosk token, to the sign-in cookie otherwise.</summary>
    public const string DefaultScheme = "KioskOrCookie";

    public static AuthenticationBuilder AddAccessKeys(this AuthenticationBuilder authentication)
    {
        var services = authentication.Services;
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<KioskConnections>();
        services.AddSingleton<KioskHubFilter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<KioskHubFilter>());
        services.AddHostedService<StoredApiKeys>();
        services.AddHostedService<KioskRevocationWatch>();

        authentication.AddScheme<AuthenticationSchemeOptions, KioskAuthenticationHandler>(KioskAuthenticationHandler.SchemeName, null);
        return authentication.AddPolicyScheme(DefaultScheme, "Kiosk token or sign-in", policy =>
        {
            policy.ForwardDefaultSelector = context => UsesKiosk(context) ? KioskAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
            // Someone without (valid) access is sent to sign in, or gets a 401/403 on API and hub paths, as before.
            policy.ForwardChallenge = CookieAuthenticationDefaults.AuthenticationScheme;
            policy.ForwardForbid = CookieAuthenticationDefaults.AuthenticationScheme;
        });
    }

    public static WebApplication MapAccessKeys(this WebApplication app)
    {
        app.MapCredentialEndpoints(CredentialKind.KioskToken);
        app.MapCredentialEndpoints(CredentialKind.ApiKey);
        return app;
    }

    // A token in the URL always counts; a kiosk cookie only when the browser is not also signed in (an admin who opened
    // a kiosk URL in their own browser stays who they are).
    private static bool UsesKiosk(HttpContext context)
    {
        if (KioskAuthenticationHandler.HasQueryToken(context.Request))
        {
            return true;
        }

        return context.Request.Cookies.ContainsKey(KioskAuthenticationHandler.CookieName) && !context.Request.Cookies.ContainsKey(SessionEndpoints.CookieName);
    }
}
