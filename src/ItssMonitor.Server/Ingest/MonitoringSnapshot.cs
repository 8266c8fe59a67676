using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// The monitoring configuration in force, kept up to date by watching its source, so a request reads a field
/// instead of asking the source (which may parse a file) every time.
/// </summary>
internal sealed partial class MonitoringSnapshot(IMonitoringConfigurationSource source, TimeProvider time, ILogger<MonitoringSnapshot> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private volatile MonitoringConfiguration? _current;

    public ValueTask<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _current is { } current ? ValueTask.FromResult(current) : new ValueTask<MonitoringConfiguration>(FirstAsync(cancellationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var configuration in source.WatchAsync(stoppingToken))
                {
                    _current = configuration;
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Keep the last configuration known; the source says what is wrong with the new one itself.
                LogWatchFailed(logger, exception);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>Before the watch has delivered (the demo estate waits for the server's address): ask the source once.</summary>
    private async Task<MonitoringConfiguration> FirstAsync(CancellationToken cancellationToken)
    {
        var configuration = await source.GetAsync(cancellationToken);
        Interlocked.CompareExchange(ref _current, configuration, null);
        return _current ?? configuration;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching the monitoring configuration failed; the ingest API keeps the last one known")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
