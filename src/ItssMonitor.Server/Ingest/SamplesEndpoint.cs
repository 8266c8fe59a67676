using System.Text.Json;
using ItssMonitor.Core.Samples;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// <c>POST /api/v1/samples</c>: <c>{"samples":[{…}]}</c> (see <see cref="JsonSampleReader"/>). 202 with
/// <c>{"accepted":n}</c> when every sample was queued for the store (queued, not yet stored: hence 202);
/// otherwise 400 listing each rejected sample by index, with the others accepted.
/// </summary>
internal static class SamplesEndpoint
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static async Task<IResult> HandleAsync(HttpContext context, SampleIntake intake, IOptions<IngestOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (body, problem) = await RequestBody.ReadAsync(context.Request, limits.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Results.Problem(
                title: "The body is not JSON",
                detail: $"{WithoutPosition(exception.Message)} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1} of the line)",
                statusCode: StatusCodes.Status400BadRequest);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("samples", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                return Results.Problem(
                    title: "The body is not a sample batch",
                    detail: "Expected {\"samples\":[{\"service\":…,\"check\":…,\"up\":true,…}]}.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            var total = array.GetArrayLength();
            if (total > limits.MaxSamplesPerRequest)
            {
                return IngestProblems.TooManySamples(total, limits.MaxSamplesPerRequest, "samples", "");
            }

            var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var errors = new List<IngestError>();
            var samples = new List<(int, Sample)>(total);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (JsonSampleReader.Read(element, now, out var sample) is { } reason)
                {
                    errors.Add(IngestError.AtIndex(index, reason));
                }
                else
                {
                    samples.Add((index, sample!));
                }

                index++;
            }

            var outcome = await intake.AcceptAsync(context.User.Identity?.Name ?? "", total, samples, errors, IngestError.AtIndex, cancellationToken);
            return outcome.Errors.Count == 0
                ? Results.Json(new { accepted = outcome.Accepted }, statusCode: StatusCodes.Status202Accepted)
                : outcome.ToProblem("samples", influxError: false);
        }
    }

    /// <summary>System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 3." (zero-based); we say it one-based instead.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
