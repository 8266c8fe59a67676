using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Access;
using ItssMonitor.Storage.Relational.Alerts;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The alert engine and its API: <c>GET /api/v1/alerts</c>, <c>GET /api/v1/alerts/{id}</c>,
/// <c>POST /api/v1/alerts/{id}/ack</c> and <c>/resolve</c> (Operators; the signed-in user is who acts), <c>GET /api/v1/incidents</c>.
/// </summary>
internal static class AlertEndpoints
{
    private static readonly TimeSpan DefaultIncidentRange = TimeSpan.FromDays(30);

    // ISO 8601 only: a lenient parse would read 03/04/2026 as March or April depending on who wrote it.
    private static readonly string[] IsoTimes = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertingOptions>().Bind(configuration.GetSection("Alerting")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<AlertActions>();
        services.AddSingleton<IAlertSignals>(provider => provider.GetRequiredService<AlertEngine>());
        services.AddSingleton<IAlertReader>(provider => provider.GetRequiredService<AlertEngine>());
        services.AddSingleton<IAlertListener, AlertHubListener>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertListener>(provider => provider.GetRequiredService<AlertFeed>());
        services.AddHostedService<ServiceDownAlerts>();
        services.AddTransient<AlertReviewJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.Viewer);
        api.MapGet("/alerts", ListAsync);
        api.MapGet("/alerts/{id}", GetAsync);
        api.MapPost("/alerts/{id}/ack", (string id, HttpRequest request, ClaimsPrincipal user, AlertActions actions, CancellationToken cancellationToken) =>
            ActAsync(id, request, acknowledge: true, user, actions, cancellationToken)).RequireAuthorization(AccessPolicies.Operator);
        api.MapPost("/alerts/{id}/resolve", (string id, HttpRequest request, ClaimsPrincipal user, AlertActions actions, CancellationToken cancellationToken) =>
            ActAsync(id, request, acknowledge: false, user, actions, cancellationToken)).RequireAuthorization(AccessPolicies.Operator);
        api.MapGet("/incidents", IncidentsAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? state, string? service, AlertQueries queries, CancellationToken cancellationToken)
    {
        if (!TryParseState(state, AlertStateFilter.Open, out var filter))
        {
            return BadState(state!);
        }

        return Results.Ok(await queries.ListAlertsAsync(filter, service, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, AlertQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAlertAsync(id, cancellationToken) is { } detail ? Results.Ok(detail) : UnknownAlert(id);

    private static async Task<IResult> ActAsync(string id, HttpRequest request, bool acknowledge, ClaimsPrincipal user, AlertActions actions, CancellationToken cancellationToken)
    {
        AlertActionRequest? body = null;
        try
        {
            // The body is optional now that the actor is the signed-in user: it only carries a note.
            if (request.ContentLength is not 0)
            {
                body = await JsonSerializer.DeserializeAsync<AlertActionRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            }
        }
        catch (JsonException exception)
        {
            return Results.Problem(
                title: "Malformed JSON body",
                detail: $"The body is not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1} (path {exception.Path ?? "$"}). Expected e.g. {{\"note\": \"on it\"}}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        // Refused rather than ignored: a client that names someone else must not believe it was recorded so.
        if (body?.By is not null)
        {
            return Results.Problem(
                title: "'by' is not accepted",
                detail: $"Who acts is the signed-in user ({user.Identity!.Name}); leave 'by' out of the body and send only an optional 'note'.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        var outcome = await actions.ActAsync(id, acknowledge, user.Identity!.Name!, note, cancellationToken);
        if (outcome?.Alert is not { } alert)
        {
            return UnknownAlert(id);
        }

        if (acknowledge && alert.State == AlertState.Resolved)
        {
            return Results.Problem(
                title: "Alert already resolved",
                detail: $"Alert {id} was resolved at {alert.ResolvedAt:O}; there is nothing left to acknowledge. If the problem returns it opens a new incident.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Ok(AlertView.From(alert));
    }

    private static async Task<IResult> IncidentsAsync(
        string? from, string? to, string? service, string? state, AlertQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!TryParseTime(to, now, out var end))
        {
            return BadTime("to", to!);
        }

        if (!TryParseTime(from, end - DefaultIncidentRange, out var start))
        {
            return BadTime("from", from!);
        }

        if (start >= end)
        {
            return Results.Problem(
                title: "Empty time range",
                detail: $"'from' ({start:O}) must be before 'to' ({end:O}).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!TryParseState(state, AlertStateFilter.Any, out var filter))
        {
            return BadState(state!);
        }

        return Results.Ok(await queries.ListIncidentsAsync(start, end, service, filter, cancellationToken));
    }

    private static bool TryParseTime(string? value, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        return value is null || DateTimeOffset.TryParseExact(value, IsoTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    // Words only: Enum.TryParse would also take "2" or "any".
    private static bool TryParseState(string? value, AlertStateFilter fallback, out AlertStateFilter filter)
    {
        filter = fallback;
        return value is null || (value is "firing" or "acknowledged" or "resolved" or "open" && Enum.TryParse(value, ignoreCase: true, out filter));
    }

    private static IResult BadTime(string parameter, string value) => Results.Problem(
        title: $"Bad '{parameter}' time",
        detail: $"'{parameter}' is '{value}', which is not a time; expected ISO 8601, e.g. 2026-10-20, 2026-10-20T02:00:00Z or 2026-10-20T04:00:00%2B02:00 (a '+' in a URL must be written %2B).",
        statusCode: StatusCodes.Status400BadRequest);

    private static IResult BadState(string value) => Results.Problem(
        title: "Bad 'state'",
        detail: $"'state' is '{value}'; expected one of firing, acknowledged, resolved, open.",
        statusCode: StatusCodes.Status400BadRequest);

    private static IResult UnknownAlert(string id) => Results.Problem(
        title: "No such alert",
        detail: $"There is no alert with id '{id}'.",
        statusCode: StatusCodes.Status404NotFound);
}
