using ItssMonitor.Storage.Relational.Access;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// A kiosk token or API key as admins see it listed (never its secret): one created in the app (<see cref="Id"/> set,
/// revocable), or an API key from <c>Ingest:ApiKeys</c> (source <c>configuration</c>, changed only there).
/// </summary>
internal sealed record CredentialEntry(
    long? Id,
    string Name,
    string? Prefix,
    string Source,
    DateTimeOffset? CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? LastUsedAt)
{
    public const string FromAdmin = "admin";
    public const string FromConfiguration = "configuration";

    public bool Active => RevokedAt is null;

    public bool Revocable => Id is not null && Active;

    public static CredentialEntry Of(AccessCredentialRecord record) => new(
        record.Id, record.Name, record.Prefix, FromAdmin, record.CreatedAt, record.CreatedBy, record.RevokedAt, record.RevokedBy, record.LastUsedAt);

    public static CredentialEntry Configured(string name) => new(null, name, null, FromConfiguration, null, null, null, null, null);
}
