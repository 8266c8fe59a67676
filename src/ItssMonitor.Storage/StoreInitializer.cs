using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Storage;

/// <summary>
/// Prepares the sample store before anything writes to it. An unreachable InfluxDB does not stop the
/// start: the readiness check reports it and the writer spools until it answers.
/// </summary>
internal sealed partial class StoreInitializer(ISampleStore store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            LogReady(store.Description);
        }
        catch (SampleStoreUnavailableException exception)
        {
            LogUnavailable(exception.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Samples are stored in {Store}")]
    private partial void LogReady(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample store not ready at start, samples are spooled until it is: {Reason}")]
    private partial void LogUnavailable(string reason);
}
