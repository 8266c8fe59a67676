using System.Net;
using System.Security.Cryptography;
using ItssMonitor.Collectors.Scheduling;
using ItssMonitor.Storage.Relational.Cluster;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Cluster;

/// <summary>
/// This node's identity and its latest view of the live nodes (kept up to date by <see cref="ClusterHeartbeat"/>),
/// and so which checks it runs: the ones <see cref="RendezvousAssignment"/> gives it among the live nodes. Until
/// the first heartbeat, and whenever the membership store cannot be read, the last view stands (at first: this
/// node alone, so it runs every check rather than none).
/// </summary>
internal sealed class ClusterMembership : ICheckOwnership
{
    private View _view;

    public ClusterMembership(IOptions<ClusterOptions> options, TimeProvider time)
    {
        HostName = Dns.GetHostName();
        NodeId = options.Value.NodeId is { Length: > 0 } configured ? configured : $"{HostName}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        StartedAt = time.GetUtcNow();
        _view = new View([Self(StartedAt)]);
    }

    public string NodeId { get; }

    public string HostName { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The live nodes as last seen, this one included.</summary>
    public IReadOnlyList<ClusterNodeRecord> Nodes => Volatile.Read(ref _view).Nodes;

    /// <summary>This node's row as it writes it at <paramref name="heartbeatAt"/>.</summary>
    public ClusterNodeRecord Self(DateTimeOffset heartbeatAt) => new() { NodeId = NodeId, HostName = HostName, StartedAt = StartedAt, HeartbeatAt = heartbeatAt };

    /// <summary>Takes the live nodes just read from the store; this node counts as live whatever the store says.</summary>
    /// <returns>Whether the set of live nodes changed.</returns>
    public bool Update(IReadOnlyList<ClusterNodeRecord> live, DateTimeOffset now)
    {
        var nodes = live.Any(node => node.NodeId == NodeId) ? live : [.. live, Self(now)];
        var previous = Interlocked.Exchange(ref _view, new View([.. nodes.OrderBy(node => node.NodeId, StringComparer.Ordinal)]));
        return !previous.Ids.SetEquals(_view.Ids);
    }

    public bool Owns(string service, string check) => RendezvousAssignment.OwnerOf(Volatile.Read(ref _view).Ids, service, check) == NodeId;

    /// <summary>One consistent snapshot, swapped whole so a reader never sees nodes and ids from different heartbeats.</summary>
    private sealed class View(IReadOnlyList<ClusterNodeRecord> nodes)
    {
        public IReadOnlyList<ClusterNodeRecord> Nodes { get; } = nodes;

        public HashSet<string> Ids { get; } = nodes.Select(node => node.NodeId).ToHashSet(StringComparer.Ordinal);
    }
}
