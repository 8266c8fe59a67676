using System.Text.Json;

namespace ItssMonitor.Server.Errors;

/// <summary>
/// A request the endpoints cannot even bind (a body that is not JSON, a required parameter missing) answers a
/// problem+json saying what and where, the same in every environment: by default ASP.NET Core answers an empty 400
/// in production and, in development, an exception page that echoes the request's headers (the session cookie too).
/// </summary>
internal static class MalformedRequests
{
    public static IServiceCollection AddMalformedRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseMalformedRequestProblems(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException malformed) when (!http.Response.HasStarted)
            {
                await Results.Problem(Describe(malformed), statusCode: malformed.StatusCode, title: "Malformed request").ExecuteAsync(http);
            }
        });
        return app;
    }

    private static string Describe(BadHttpRequestException malformed) => malformed.InnerException is JsonException json
        ? $"The body is not valid JSON for this request at {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}); send Content-Type: application/json with an object as documented."
        : malformed.Message;
}
