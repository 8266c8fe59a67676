using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>Registers hub connections made with a kiosk token in <see cref="KioskConnections"/> for as long as they are open.</summary>
internal sealed class KioskHubFilter(KioskConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (KioskAuthenticationHandler.TokenId(context.Context.User) is { } tokenId)
        {
            connections.Add(tokenId, context.Context);
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }
}
