namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>One <see cref="HubServer"/> for the hub tests that neither kill it nor need settings of their own.</summary>
public sealed class SharedHubServer : IAsyncLifetime
{
    private HubServer? _server;

    public HubServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await HubServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
