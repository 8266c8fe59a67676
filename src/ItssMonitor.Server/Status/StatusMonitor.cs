using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Status;
using ItssMonitor.Server.Maintenance;

namespace ItssMonitor.Server.Status;

/// <summary>
/// Keeps the status board's checks in line with the configuration, and once a second marks checks stale and opens
/// and closes maintenance windows (the file's and the operators', from <see cref="MaintenanceSchedule"/>).
/// </summary>
internal sealed class StatusMonitor(IMonitoringConfigurationSource configuration, MaintenanceSchedule maintenance, StatusBoard board, TransitionLog transitions, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan StalenessPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(FollowConfigurationAsync(stoppingToken), MarkStaleAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task FollowConfigurationAsync(CancellationToken stoppingToken)
    {
        await foreach (var version in configuration.WatchAsync(stoppingToken))
        {
            board.Configure(version with { Maintenance = await maintenance.CalendarForAsync(version, stoppingToken) }, time.GetUtcNow());
        }
    }

    private async Task MarkStaleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StalenessPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            foreach (var transition in board.MarkStale(now))
            {
                transitions.Record(transition);
            }

            board.FollowMaintenance(await maintenance.GetAsync(stoppingToken), now);
        }
    }
}
