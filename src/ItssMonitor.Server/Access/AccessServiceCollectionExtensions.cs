using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Who may do what: a cookie for signed-in users (scheme <see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>,
/// the user's name as <see cref="ClaimTypes.Name"/> and role as <see cref="ClaimTypes.Role"/>), the role policies
/// (<see cref="AccessPolicies"/>), the audit log, and <c>GET /api/v1/me</c>.
/// </summary>
internal static class AccessServiceCollectionExtensions
{
    public static AuthenticationBuilder AddAccessControl(this IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddAuthorization(AccessPolicies.Add);
        services.AddCascadingAuthenticationState();
        return services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public static WebApplication MapAccessControl(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => new
        {
            name = user.Identity?.Name,
            role = user.FindFirstValue(ClaimTypes.Role),
            authenticationType = user.Identity?.AuthenticationType,
        }).RequireAuthorization(AccessPolicies.Viewer);
        return app;
    }
}
