namespace ItssMonitor.Server.Ingest;

/// <summary>
/// An API key the <see cref="ApiKeyRing"/> accepts, by the SHA-256 digest of the key: from <c>Ingest:ApiKeys</c>
/// (<see cref="StoredId"/> null), or created by an admin (its row's id and last use as last read from the store).
/// </summary>
internal sealed record KnownApiKey(string Name, byte[] Digest, long? StoredId, DateTimeOffset? LastUsedAt);
