using ItssMonitor.Server.Ingest;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Keeps the <see cref="ApiKeyRing"/>'s copy of the admin-created API keys fresh: every few seconds from the shared
/// store (so a key revoked on another node stops working here within that), and at once after a change on this node.
/// Ingest requests then check keys in memory, never with a database read each.
/// </summary>
internal sealed class StoredApiKeys(CredentialStore store, ApiKeyRing ring, TimeProvider time, ILogger<StoredApiKeys> logger)
    : StoreWatch(store, CredentialKind.ApiKey, time, logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    protected override TimeSpan Interval => RefreshInterval;

    protected override async Task PassAsync(CancellationToken cancellationToken) =>
        ring.UseStored(await Store.ListActiveAsync(CredentialKind.ApiKey, cancellationToken));
}
