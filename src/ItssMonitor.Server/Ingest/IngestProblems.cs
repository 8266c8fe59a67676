namespace ItssMonitor.Server.Ingest;

/// <summary>Problem answers both ingest endpoints give in the same words.</summary>
internal static class IngestProblems
{
    /// <summary>413 for a batch over <c>Ingest:MaxSamplesPerRequest</c>: all of it is refused, so the client must split it.</summary>
    public static IResult TooManySamples(int count, int max, string unit, string splitHint) => Results.Problem(
        title: "Too many samples in one request",
        detail: $"{count} {unit} in one request; at most {max} are accepted (Ingest:MaxSamplesPerRequest). Nothing was stored: split the batch{splitHint}.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
