using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>This node's open hub connections made with a kiosk token, by connection id, so a revoked token's can be closed.</summary>
internal sealed class KioskConnections
{
    private readonly ConcurrentDictionary<string, (long TokenId, HubCallerContext Context)> _open = new();

    public bool IsEmpty => _open.IsEmpty;

    public void Add(long tokenId, HubCallerContext context) => _open[context.ConnectionId] = (tokenId, context);

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyCollection<long> TokenIds() => [.. _open.Values.Select(open => open.TokenId).Distinct()];

    /// <summary>
    /// Closes the connections of the tokens that were <paramref name="checkedIds"/> and are not <paramref name="stillActive"/>
    /// (a connection opened meanwhile with a token nobody checked stays); returns how many.
    /// </summary>
    public int CloseRevoked(IReadOnlyCollection<long> checkedIds, IReadOnlySet<long> stillActive)
    {
        var closed = 0;
        foreach (var (connectionId, (tokenId, context)) in _open)
        {
            if (checkedIds.Contains(tokenId) && !stillActive.Contains(tokenId))
            {
                context.Abort();
                Remove(connectionId);
                closed++;
            }
        }

        return closed;
    }
}
