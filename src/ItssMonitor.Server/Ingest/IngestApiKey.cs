namespace ItssMonitor.Server.Ingest;

/// <summary>One API key allowed to push samples; <see cref="Name"/> is what logs and rate limits use, never the key.</summary>
internal sealed class IngestApiKey
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";
}
