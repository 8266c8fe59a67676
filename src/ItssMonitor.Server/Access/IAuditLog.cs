using ItssMonitor.Storage.Relational.Audit;

namespace ItssMonitor.Server.Access;

/// <summary>
/// The audit log: every state change a person makes (acknowledge, resolve, maintenance, keys, kiosk tokens,
/// users) is recorded with who and when, and admins read it back.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records that <paramref name="actor"/> did <paramref name="action"/> to <paramref name="target"/>; never pass a secret as detail.</summary>
    Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);

    /// <summary>The newest entries first, at most <paramref name="limit"/>, optionally only those before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<AuditEntryRecord>> ListAsync(int limit, DateTimeOffset? before, CancellationToken cancellationToken);
}
