using ItssMonitor.Server.Access;

namespace ItssMonitor.Server.Wall;

/// <summary>
/// <c>/wall</c>: a static page (wwwroot/wall) that talks to the status hub from the browser with the official
/// SignalR JavaScript client, so it survives a server restart without a reload (a Blazor circuit would not).
/// Its script, style and the SignalR client are served with the other static assets (see the pages' MapPages).
/// </summary>
internal static class WallEndpoints
{
    public const string Path = "/wall";

    public static WebApplication MapWall(this WebApplication app)
    {
        app.MapGet(Path, (IWebHostEnvironment environment) => environment.WebRootFileProvider.GetFileInfo("wall/index.html") is { Exists: true } page
            ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem("The wall's page is missing from wwwroot/wall.", statusCode: StatusCodes.Status500InternalServerError))
            .RequireAuthorization(AccessPolicies.Viewer);
        return app;
    }
}
