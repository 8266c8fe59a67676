namespace ItssMonitor.Server.Wall;

/// <summary>
/// <c>/wall</c>: a static page (wwwroot/wall) that talks to the status hub from the browser with the official
/// SignalR JavaScript client, so it survives a server restart without a reload (a Blazor circuit would not).
/// </summary>
internal static class WallEndpoints
{
    public const string Path = "/wall";

    /// <summary>
    /// Serves wwwroot from the project while it runs from its build output too (not only in Development, where
    /// the host does it by itself), since the server is started from bin/ by the tests and the benchmarks.
    /// </summary>
    public static WebApplicationBuilder AddWall(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWall(this WebApplication app)
    {
        app.UseStaticFiles();
        var page = app.Environment.WebRootFileProvider.GetFileInfo("wall/index.html");
        app.MapGet(Path, () => page.Exists
            ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem("The wall's page is missing from wwwroot/wall.", statusCode: StatusCodes.Status500InternalServerError));
        return app;
    }
}
