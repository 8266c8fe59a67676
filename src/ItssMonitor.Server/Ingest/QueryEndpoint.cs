using System.Text.RegularExpressions;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// <c>/api/v1/query</c>, only so Telegraf's <c>outputs.influxdb</c> starts cleanly: it sends <c>CREATE DATABASE</c>
/// there first. That statement is answered as InfluxDB does (nothing to create: samples go to ItssMonitor's store);
/// every other query gets a 400 saying this is not an InfluxDB to query.
/// </summary>
internal static partial class QueryEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query["q"].ToString();
        if (query.Length == 0 && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            query = form["q"].ToString();
        }

        if (CreateDatabase().IsMatch(query))
        {
            return Results.Json(new { results = new[] { new { statement_id = 0 } } });
        }

        return Results.Problem(
            title: "Only CREATE DATABASE is answered here",
            detail: "ItssMonitor accepts writes at /api/v1/write and answers CREATE DATABASE for Telegraf's start-up; "
                + "it is not an InfluxDB to query. Query the sample store itself, or the ItssMonitor UI.",
            statusCode: StatusCodes.Status400BadRequest);
    }

    [GeneratedRegex(@"^\s*CREATE\s+DATABASE\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateDatabase();
}
