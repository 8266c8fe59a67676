namespace ItssMonitor.Storage.Relational.Access;

/// <summary>
/// A kiosk token or an ingest API key an admin created (table <c>access_credentials</c>): the secret itself is never
/// stored, only its SHA-256 digest, so a copy of the database lets nobody in. Revoked rows stay, for the record.
/// </summary>
public sealed class AccessCredentialRecord
{
    public long Id { get; set; }

    /// <summary><c>kiosk-token</c> or <c>api-key</c> (the audit log's action prefix too).</summary>
    public required string Kind { get; set; }

    /// <summary>What the admin called it (a wall display, a Telegraf host); unique among the active ones of its kind.</summary>
    public required string Name { get; set; }

    /// <summary>The secret's first characters, not enough to guess the rest: tells keys apart in a list or a config file.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret, lower-case hex.</summary>
    public required string Digest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>When the secret was last accepted, to within about a minute (writes are throttled).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
