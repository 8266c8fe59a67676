namespace ItssMonitor.Server.Ingest;

/// <summary>The push ingest API's settings (section <c>Ingest</c>), validated at start by <see cref="IngestOptionsValidator"/>.</summary>
internal sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Who may push; empty means nobody (every request is refused).</summary>
    public List<IngestApiKey> ApiKeys { get; set; } = [];

    /// <summary>Largest request body, counted after gzip decompression too, so a small gzip bomb cannot grow past it.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxSamplesPerRequest { get; set; } = 50_000;

    /// <summary>Accept samples for checks the monitoring configuration does not declare (kind push unless the sample says otherwise).</summary>
    public bool AcceptUnknownChecks { get; set; }

    /// <summary>Requests per second each API key may make on average.</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Requests an API key may make at once after being idle (the token bucket's size).</summary>
    public int RequestBurst { get; set; } = 40;
}
