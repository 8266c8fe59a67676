using ItssMonitor.Core.Status;
using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Status;

/// <summary>
/// Sends the status board's changes to hub clients every <see cref="StatusOptions.BroadcastInterval"/>:
/// a service that changed many times in between goes out once, with its latest state, to each group that shows it,
/// and to the pages of this node through the <see cref="StatusFeed"/>, which also gets the changes other nodes'
/// samples made here (their origin announces those to hub clients).
/// </summary>
internal sealed partial class StatusBroadcaster(
    StatusBoard board,
    IHubContext<StatusHub, IStatusClient> hub,
    StatusFeed feed,
    StatusOptions options,
    TimeProvider time,
    ILogger<StatusBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.BroadcastInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetUtcNow();
                await BroadcastAsync(board.TakeChanges(now));
                if (board.TakeRelayedChanges(now) is { Count: > 0 } relayed)
                {
                    feed.Publish(relayed, announced: false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task BroadcastAsync(IReadOnlyList<ServiceStatus> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        feed.Publish(changes, announced: true);
        var byGroup = changes
            .SelectMany(change => StatusGroups.Of(change).Select(group => (group, change)))
            .GroupBy(pair => pair.group, pair => pair.change);
        foreach (var group in byGroup)
        {
            try
            {
                await hub.Clients.Group(group.Key).StatusChanged(group.ToList());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A backplane hiccup must not stop later batches; the next snapshot on reconnect repairs any gap.
                LogSendFailed(exception, group.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending status changes to group {Group} failed")]
    private partial void LogSendFailed(Exception exception, string group);
}
