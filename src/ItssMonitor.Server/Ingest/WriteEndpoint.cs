using System.Text;
using ItssMonitor.Core.Samples;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// <c>POST /api/v1/write</c>: InfluxDB 1.x line protocol (<c>db</c> and <c>rp</c> accepted and ignored, <c>precision</c>
/// n/ns, u/us, ms, s, m, h; gzip bodies). 204 when every line was accepted, as InfluxDB answers; otherwise 400 listing
/// each rejected line, with the other lines accepted.
/// </summary>
internal static class WriteEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SampleIntake intake, IOptions<IngestOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var precisionName = context.Request.Query["precision"].ToString();
        if (!TimestampPrecision.TryParse(precisionName, out var precision))
        {
            return Results.Problem(
                title: "Unknown precision",
                detail: $"precision '{SampleValues.Shorten(precisionName)}' is not one of n, ns, u, us, ms, s, m, h.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var limits = options.Value;
        var (body, problem) = await RequestBody.ReadAsync(context.Request, limits.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var batch = LineProtocolParser.Parse(Encoding.UTF8.GetString(body!));
        var total = batch.Points.Count + batch.Errors.Count;
        if (total > limits.MaxSamplesPerRequest)
        {
            return IngestProblems.TooManySamples(total, limits.MaxSamplesPerRequest, "lines", " (Telegraf: metric_batch_size)");
        }

        // One 'now' for every line without a timestamp, as InfluxDB does, so they form one instant.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var errors = new List<IngestError>(batch.Errors);
        var samples = new List<(int, Sample)>(batch.Points.Count);
        foreach (var point in batch.Points)
        {
            if (LinePointReader.Read(point, precision, now, out var sample) is { } reason)
            {
                errors.Add(IngestError.AtLine(point.Line, reason));
            }
            else
            {
                samples.Add((point.Line, sample!));
            }
        }

        var outcome = await intake.AcceptAsync(context.User.Identity?.Name ?? "", total, samples, errors, IngestError.AtLine, cancellationToken);
        return outcome.Errors.Count == 0 ? Results.NoContent() : outcome.ToProblem("lines", influxError: true);
    }
}
