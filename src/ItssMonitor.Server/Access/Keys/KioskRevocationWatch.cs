namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Closes this node's hub connections whose kiosk token was revoked, on whichever node: it asks the shared store
/// every <see cref="CheckInterval"/> (only while kiosk connections are open), and at once after a revocation here.
/// A closed wall reconnects, and its token is then refused.
/// </summary>
internal sealed partial class KioskRevocationWatch(CredentialStore store, KioskConnections connections, TimeProvider time, ILogger<KioskRevocationWatch> logger)
    : StoreWatch(store, CredentialKind.KioskToken, time, logger)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(15);

    protected override TimeSpan Interval => CheckInterval;

    protected override async Task PassAsync(CancellationToken cancellationToken)
    {
        if (connections.IsEmpty)
        {
            return;
        }

        var tokenIds = connections.TokenIds();
        var active = await Store.StillActiveAsync(CredentialKind.KioskToken, tokenIds, cancellationToken);
        if (connections.CloseRevoked(tokenIds, active) is > 0 and var closed)
        {
            LogClosed(logger, closed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} hub connections whose kiosk token was revoked")]
    private static partial void LogClosed(ILogger logger, int count);
}
