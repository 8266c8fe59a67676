using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Cluster;

/// <summary>
/// Every <see cref="ClusterOptions.HeartbeatInterval"/>: writes this node's heartbeat to <c>cluster_nodes</c>, reads
/// which nodes are live (heartbeat within <see cref="ClusterOptions.NodeTimeout"/>) into <see cref="ClusterMembership"/>,
/// and deletes rows of nodes dead for an hour. On a clean stop it deletes its own row, so its checks move at once.
/// When the store cannot be reached the node keeps the last view, and so keeps probing what it last owned.
/// </summary>
internal sealed partial class ClusterHeartbeat(
    IDbContextFactory<MonitorDbContext> contexts,
    ClusterMembership membership,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterHeartbeat> logger) : BackgroundService
{
    /// <summary>Rows of dead nodes are kept this long (harmless, and a clue after a crash), then deleted.</summary>
    private static readonly TimeSpan DeadRowRetention = TimeSpan.FromHours(1);

    /// <summary>How often dead rows are pruned: they only need to go eventually, not at every beat of every node.</summary>
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(5);

    private bool _storeFailing;
    private bool _joined;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first beat before probing starts, so a node joining a cluster does not first probe every check.
        await BeatAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(LeaveTimeout);
            await using var context = await contexts.CreateDbContextAsync(timeout.Token);
            await context.Set<ClusterNodeRecord>().Where(node => node.NodeId == membership.NodeId).ExecuteDeleteAsync(timeout.Token);
            LogLeft(membership.NodeId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The others see this node go when its heartbeat times out instead.
            LogLeaveFailed(exception, membership.NodeId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await BeatAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var nodes = context.Set<ClusterNodeRecord>();
            if (await nodes.FindAsync([membership.NodeId], cancellationToken) is { } row)
            {
                row.HeartbeatAt = now;
            }
            else
            {
                nodes.Add(membership.Self(now));
            }

            await context.SaveChangesAsync(cancellationToken);
            if (now - _prunedAt >= PruneEvery)
            {
                var dead = now - DeadRowRetention;
                await nodes.Where(node => node.HeartbeatAt < dead).ExecuteDeleteAsync(cancellationToken);
                _prunedAt = now;
            }

            var liveSince = now - options.Value.NodeTimeout;
            var live = await nodes.AsNoTracking().Where(node => node.HeartbeatAt >= liveSince).ToListAsync(cancellationToken);
            // Logged when the set of live nodes changes, and once on joining.
            if (membership.Update(live, now) || !_joined)
            {
                _joined = true;
                LogMembers(membership.NodeId, live.Count, string.Join(", ", membership.Nodes.Select(node => node.NodeId)));
            }

            if (_storeFailing)
            {
                _storeFailing = false;
                LogStoreBack();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_storeFailing)
            {
                _storeFailing = true;
                LogStoreFailing(exception, membership.Nodes.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster node {Node}: {Count} live nodes ({Nodes}); checks are shared among them")]
    private partial void LogMembers(string node, int count, string nodes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster membership store unreachable: this node keeps probing the checks it owned among the {Count} nodes it last saw, until the store answers again")]
    private partial void LogStoreFailing(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster membership store reachable again")]
    private partial void LogStoreBack();

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster node {Node} left the cluster; the other nodes take its checks over")]
    private partial void LogLeft(string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster node {Node} could not remove itself; the others take its checks over when its heartbeat times out")]
    private partial void LogLeaveFailed(Exception exception, string node);
}
