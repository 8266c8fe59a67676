using System.Text.Json;
using System.Text.Json.Serialization;
using ItssMonitor.Server.Access;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// SLA reports: <see cref="SlaReportService"/>, the PDF printer, the <c>sla-report-mail</c> job and options (section
/// <c>Reports</c>), and <c>GET /api/v1/reports/sla?month=|from=&amp;to=&amp;services=&amp;format=json|csv|pdf</c>.
/// </summary>
internal static class ReportEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, RecipientsNeedSmtp>();
        services.AddSingleton<SlaReportService>();
        services.AddSingleton<ReportPdfPrinter>();
        services.AddTransient<SlaReportMailJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/reports/sla", SlaAsync).RequireAuthorization(AccessPolicies.Viewer);
        return endpoints;
    }

    private static async Task<IResult> SlaAsync(
        string? month, string? from, string? to, string? services, string? format,
        SlaReportService reports, ReportPdfPrinter printer, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            if (format is not (null or "json" or "csv" or "pdf"))
            {
                throw new ReportRequestException("format", $"'format' is '{format}'; expected json, csv or pdf.");
            }

            var query = ReportQuery.Parse(month, from, to, services, time.GetUtcNow());
            var report = await reports.BuildAsync(query.Range, query.Services, cancellationToken);
            var name = $"sla-report-{query.Range.From:yyyy-MM-dd}-{query.Range.To:yyyy-MM-dd}";
            return format switch
            {
                "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(SlaReportCsv.Write(report)), SlaReportCsv.ContentType, name + ".csv"),
                "pdf" => Results.File(await printer.PrintAsync(report, cancellationToken), ReportPdfPrinter.ContentType, name + ".pdf"),
                _ => Results.Json(report, Json),
            };
        }
        catch (ReportRequestException exception)
        {
            return Results.Problem(
                title: $"Bad '{exception.Parameter}'",
                detail: exception.Message,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["parameter"] = exception.Parameter });
        }
        catch (ReportPdfUnavailableException exception)
        {
            return Results.Problem(title: "PDF reports unavailable", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
