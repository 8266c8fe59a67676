using System.Security.Claims;
using ItssMonitor.Server.Access.Keys;
using ItssMonitor.Server.Access.Oidc;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Who may do what: a cookie for signed-in users (scheme <see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>,
/// the user's name as <see cref="ClaimTypes.Name"/> and role as <see cref="ClaimTypes.Role"/>), local accounts
/// (<see cref="UserStore"/>, the first admin from <c>Auth:Admin</c>), the role policies (<see cref="AccessPolicies"/>),
/// the audit log, <c>/api/v1/session</c> and <c>GET /api/v1/me</c>.
/// </summary>
internal static class AccessServiceCollectionExtensions
{
    public static AuthenticationBuilder AddAccessControl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<UserAdministration>();
        services.AddHostedService<FirstAdmin>();
        services.AddSingleton<SetupCode>();
        services.AddHostedService(provider => provider.GetRequiredService<SetupCode>());
        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, ViewerAccessHandler>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, SignInRateLimit>(SignInRateLimit.Name));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => ConfigureCookie(cookie, auth.Value));
        return services.AddAuthentication(AccessKeysExtensions.DefaultScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddAccessKeys()
            .AddOidcSignIn(configuration);
    }

    public static WebApplication MapAccessControl(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSession();
        app.MapOidcSignIn();
        app.MapAccessKeys();
        app.MapUsers();
        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => new
        {
            name = user.Identity?.Name,
            role = user.FindFirstValue(ClaimTypes.Role),
            authenticationType = user.Identity?.AuthenticationType,
        }).RequireAuthorization(AccessPolicies.Viewer);
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem("The sign-out form's antiforgery token is missing or wrong; sign out from the page's button.", statusCode: StatusCodes.Status400BadRequest, title: "Bad sign-out request");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthOptions auth)
    {
        cookie.Cookie.Name = SessionEndpoints.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = auth.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/login";
        cookie.AccessDeniedPath = "/denied";

        // Programs (API clients, the hub's negotiation, Prometheus on /metrics) get a status code to act on, not a login page to follow.
        cookie.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
        cookie.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
