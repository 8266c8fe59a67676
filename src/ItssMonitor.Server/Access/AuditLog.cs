using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Audit;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Server.Access;

/// <summary>The audit log in the relational store, so every node writes to and reads the same log.</summary>
internal sealed class AuditLog(IDbContextFactory<MonitorDbContext> contexts, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Set<AuditEntryRecord>().Add(new AuditEntryRecord
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail,
        });
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntryRecord>> ListAsync(int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = context.Set<AuditEntryRecord>().AsNoTracking();
        if (before is { } end)
        {
            entries = entries.Where(entry => entry.At < end);
        }

        return await entries.OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
