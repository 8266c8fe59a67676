namespace ItssMonitor.IntegrationTests.Ingest;

/// <summary>One server for the ingest tests that do not need settings of their own: unknown checks accepted, small limits.</summary>
public sealed class SharedIngestServer : IAsyncLifetime
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxSamplesPerRequest = 100;

    private IngestServer? _server;

    public IngestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await IngestServer.StartAsync(
        ("Ingest__AcceptUnknownChecks", "true"),
        ("Ingest__MaxBodyBytes", MaxBodyBytes.ToString()),
        ("Ingest__MaxSamplesPerRequest", MaxSamplesPerRequest.ToString()));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
