using System.Collections.Concurrent;
using ItssMonitor.Server.Ingest;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Kiosk tokens and ingest API keys in the relational store (shared by every node): created and revoked by admins,
/// each change audited, found by the digest of what a request presents, the last use noted at most once a minute.
/// </summary>
internal sealed partial class CredentialStore(
    IDbContextFactory<MonitorDbContext> contexts,
    IAuditLog audit,
    IOptions<IngestOptions> ingest,
    TimeProvider time,
    ILogger<CredentialStore> logger)
{
    public const int MaxNameLength = 100;

    /// <summary>How stale a last-used time may be: one write a minute per credential, not one per request.</summary>
    public static readonly TimeSpan UseNotePeriod = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, DateTimeOffset> _usesNoted = new();

    /// <summary>Raised on this node after a credential of a kind was created or revoked, so what caches it refreshes at once.</summary>
    public event Action<CredentialKind>? Changed;

    /// <summary>What is wrong with a name an admin typed, or null when it will do (uniqueness is checked on creation).</summary>
    public static string? CheckName(string? name) => name?.Trim() switch
    {
        null or "" => "A name is required.",
        { Length: > MaxNameLength } => $"The name is longer than {MaxNameLength} characters.",
        var trimmed when trimmed.Any(char.IsControl) => "The name contains control characters.",
        _ => null,
    };

    /// <summary>Every credential of the kind, active ones first, newest first; for API keys, the configured ones after those.</summary>
    public async Task<IReadOnlyList<CredentialEntry>> ListAsync(CredentialKind kind, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await Of(context, kind).AsNoTracking().ToListAsync(cancellationToken);
        var configured = kind == CredentialKind.ApiKey ? ingest.Value.ApiKeys.Select(key => CredentialEntry.Configured(key.Name)) : [];
        return
        [
            .. stored.OrderBy(c => c.RevokedAt is not null).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(CredentialEntry.Of),
            .. configured,
        ];
    }

    public async Task<IReadOnlyList<AccessCredentialRecord>> ListActiveAsync(CredentialKind kind, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await Of(context, kind).Where(c => c.RevokedAt == null).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a credential named <paramref name="name"/> (checked with <see cref="CheckName"/> first) and returns it
    /// with its secret, which exists nowhere else; null when an active one of the kind, or a configured API key, has the name.
    /// </summary>
    public async Task<(AccessCredentialRecord Record, string Secret)?> CreateAsync(CredentialKind kind, string name, string actor, CancellationToken cancellationToken)
    {
        name = name.Trim();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await NameTakenAsync(context, kind, name, cancellationToken))
        {
            return null;
        }

        var secret = kind.NewSecret();
        var record = new AccessCredentialRecord
        {
            Kind = kind.Name,
            Name = name,
            Prefix = kind.Shown(secret),
            Digest = CredentialKind.Digest(secret),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor,
        };
        context.Add(record);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else took the name between the check and the insert; the unique index kept them apart.
            return null;
        }

        await audit.RecordAsync(actor, $"{kind.Name}.create", name, $"id {record.Id}, prefix {record.Prefix}", cancellationToken);
        Changed?.Invoke(kind);
        return (record, secret);
    }

    /// <summary>Revokes the credential (a second revocation changes nothing); null when the kind has no such id.</summary>
    public async Task<AccessCredentialRecord?> RevokeAsync(CredentialKind kind, long id, string actor, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await Of(context, kind).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null || record.RevokedAt is not null)
        {
            return record;
        }

        record.RevokedAt = time.GetUtcNow();
        record.RevokedBy = actor;
        await context.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, $"{kind.Name}.revoke", record.Name, $"id {record.Id}, prefix {record.Prefix}", cancellationToken);
        Changed?.Invoke(kind);
        return record;
    }

    /// <summary>The active credential whose secret this is, or null.</summary>
    public async Task<AccessCredentialRecord?> FindActiveAsync(CredentialKind kind, string secret, CancellationToken cancellationToken)
    {
        var digest = CredentialKind.Digest(secret);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await Of(context, kind).AsNoTracking().SingleOrDefaultAsync(c => c.Digest == digest && c.RevokedAt == null, cancellationToken);
    }

    /// <summary>Which of <paramref name="ids"/> are still active.</summary>
    public async Task<HashSet<long>> StillActiveAsync(CredentialKind kind, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await Of(context, kind).Where(c => ids.Contains(c.Id) && c.RevokedAt == null).Select(c => c.Id).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// Notes that the credential was just accepted, unless its last use (<paramref name="known"/>, as read from the
    /// store, which any node may have written) or this node's last note is under a minute old. A failure is logged,
    /// never passed on: a last-used time is not worth refusing a request for.
    /// </summary>
    public async Task NoteUseAsync(long id, DateTimeOffset? known, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (known > now - UseNotePeriod)
        {
            return;
        }

        var noted = _usesNoted.GetValueOrDefault(id, DateTimeOffset.MinValue);
        if (noted > now - UseNotePeriod || !_usesNoted.TryUpdate(id, now, noted) && !_usesNoted.TryAdd(id, now))
        {
            // Noted lately, or another request of this node is noting it right now.
            return;
        }

        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await context.Set<AccessCredentialRecord>().Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.LastUsedAt, now), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUseNotFailed(exception, id);
        }
    }

    private static IQueryable<AccessCredentialRecord> Of(MonitorDbContext context, CredentialKind kind) =>
        context.Set<AccessCredentialRecord>().Where(c => c.Kind == kind.Name);

    private async Task<bool> NameTakenAsync(MonitorDbContext context, CredentialKind kind, string name, CancellationToken cancellationToken)
    {
        // Ingest logs and rate limits tell keys apart by name, so a stored key may not share a configured one's.
        if (kind == CredentialKind.ApiKey && ingest.Value.ApiKeys.Any(key => string.Equals(key.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var active = await Of(context, kind).Where(c => c.RevokedAt == null).Select(c => c.Name).ToListAsync(cancellationToken);
        return active.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not note the last use of credential {Id}")]
    private partial void LogUseNotFailed(Exception exception, long id);
}
