namespace ItssMonitor.Server.Ingest;

/// <summary>What became of one request's samples: how many were queued for the store, and why the others were not.</summary>
internal sealed record IngestOutcome(int Total, int Accepted, IReadOnlyList<IngestError> Errors)
{
    /// <summary>Listed in a response at most; the count in the detail still covers all of them.</summary>
    public const int MaxListedErrors = 1000;

    /// <summary>
    /// 400 problem+json listing each rejected line or sample (the first <see cref="MaxListedErrors"/>) with the accepted count,
    /// e.g. "2 of 5 lines rejected; 3 accepted". <paramref name="influxError"/> adds InfluxDB's <c>error</c> member,
    /// which Telegraf prints when a write fails.
    /// </summary>
    public IResult ToProblem(string unit, bool influxError)
    {
        var detail = $"{Errors.Count} of {Total} {unit} rejected; {Accepted} accepted"
            + (Errors.Count > MaxListedErrors ? $" (the first {MaxListedErrors} are listed)" : "");
        var extensions = new Dictionary<string, object?>
        {
            ["errors"] = Errors.Take(MaxListedErrors).ToList(),
            ["accepted"] = Accepted,
        };
        if (influxError)
        {
            extensions["error"] = $"partial write: {detail}; first: {Errors[0].Reason}";
        }

        return Results.Problem(
            title: Accepted == 0 ? "No samples were accepted" : "Some samples were rejected",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: extensions);
    }
}
