namespace ItssMonitor.Storage.Relational.Cluster;

/// <summary>
/// One server node of the cluster (table <c>cluster_nodes</c>): written by the node itself every heartbeat, deleted
/// by it on a clean stop; a row whose heartbeat is older than the node timeout belongs to a node that is gone.
/// </summary>
public sealed class ClusterNodeRecord
{
    public required string NodeId { get; set; }

    public required string HostName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }
}
