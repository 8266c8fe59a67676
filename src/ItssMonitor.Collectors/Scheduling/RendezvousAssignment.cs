namespace ItssMonitor.Collectors.Scheduling;

/// <summary>
/// Which node runs a check: rendezvous (highest-random-weight) hashing. Every node scores each (node, check) pair
/// with a stable hash and the highest score wins, so nodes that agree on the list of live nodes agree on every
/// owner without talking to each other, checks spread evenly, and when a node leaves only its own checks move
/// (each to the node that scored second for it).
/// </summary>
public static class RendezvousAssignment
{
    /// <summary>The owner of <paramref name="service"/>/<paramref name="check"/> among <paramref name="nodes"/> (node ids, in any order).</summary>
    public static string OwnerOf(IReadOnlyCollection<string> nodes, string service, string check)
    {
        if (nodes.Count == 0)
        {
            throw new ArgumentException("A check needs at least one node to run on.", nameof(nodes));
        }

        string? owner = null;
        var best = 0UL;
        foreach (var node in nodes)
        {
            var score = StableHash.Mixed(node + "\n" + service + "\n" + check);
            // Ties (practically never) go to the smaller id, so the result does not depend on the order of the list.
            if (owner is null || score > best || (score == best && string.CompareOrdinal(node, owner) < 0))
            {
                owner = node;
                best = score;
            }
        }

        return owner!;
    }
}
