using ItssMonitor.Server.Access;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Radzen;

namespace ItssMonitor.Server.Pages;

/// <summary>
/// The Blazor pages (<c>/</c>, <c>/services/{name}</c>): interactive server rendering, Radzen's components,
/// and the static assets they need (the app's CSS, Radzen's theme, script and fonts from its package).
/// </summary>
internal static class PagesEndpoints
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        return services;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        // The server also runs from its build output outside Development (tests, operators trying it out), where
        // package assets (Radzen's CSS, script, fonts) are only found through the build's manifest. Published
        // output has no such manifest, and there this does nothing.
        StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        app.UseAntiforgery();
        // Scripts, styles and fonts hold nothing secret, and the login page needs them before anyone has signed in.
        app.MapStaticAssets().AllowAnonymous();
        // Pages and the Blazor circuit are for Viewers; the login, setup and denied pages say [AllowAnonymous] themselves.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(AccessPolicies.Viewer);
        return app;
    }
}
