using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Server.Maintenance;

/// <summary>
/// The maintenance windows operators set at run time, in the relational store so that every node sees them. Reads
/// are cached for <see cref="CacheFor"/>: the board asks every second and must not query once per service or per
/// tick; a change made on this node is seen here at once, one made on another node within the cache time.
/// </summary>
public sealed partial class OperatorMaintenanceStore(IDbContextFactory<MonitorDbContext> contexts, TimeProvider time, ILogger<OperatorMaintenanceStore> logger)
{
    /// <summary>How long a read is reused before the store is asked again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    // Reports and their trends reach twelve months back: windows over for longer no longer change any figure.
    private static readonly TimeSpan History = TimeSpan.FromDays(400);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Reading? _cached;
    private long _changes;

    /// <summary>Every window that has not been over for long, cancelled ones (ended before they began) left out.</summary>
    public async Task<IReadOnlyList<MaintenanceWindowRecord>> WindowsAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var now = time.GetUtcNow();
            var changesBefore = Interlocked.Read(ref _changes);
            try
            {
                await using var context = await contexts.CreateDbContextAsync(cancellationToken);
                var since = now - History;
                var windows = await context.Set<MaintenanceWindowRecord>().AsNoTracking().Where(window => window.Until > since).OrderBy(window => window.Id).ToListAsync(cancellationToken);
                // A change this node made while reading may be missing from it: then it serves this call only, not the cache time.
                var readAt = changesBefore == Interlocked.Read(ref _changes) ? now : DateTimeOffset.MinValue;
                _cached = new Reading([.. windows.Where(window => window.End > window.From)], readAt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The live path must not stop because the database hiccups (or its tables are not created yet): keep the
                // last windows read, none before the first read, and try again once the cache time is up.
                LogReadFailed(exception);
                _cached = new Reading(_cached?.Windows ?? [], now);
            }

            return _cached.Windows;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<MaintenanceWindowRecord> StartAsync(IReadOnlyList<string> services, DateTimeOffset from, DateTimeOffset until, string reason, string actor, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var window = new MaintenanceWindowRecord
        {
            Services = [.. services],
            From = Whole(from),
            Until = Whole(until),
            Reason = reason,
            StartedBy = actor,
            CreatedAt = time.GetUtcNow(),
        };
        context.Set<MaintenanceWindowRecord>().Add(window);
        await context.SaveChangesAsync(cancellationToken);
        Interlocked.Increment(ref _changes);
        _cached = null;
        return window;
    }

    /// <summary>Ends the window now (one not begun yet is cancelled); null when there is no such window, the window unchanged when it was over already.</summary>
    public async Task<(MaintenanceWindowRecord Window, bool Ended)?> EndAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await context.Set<MaintenanceWindowRecord>().FindAsync([id], cancellationToken) is not { } window)
        {
            return null;
        }

        var now = Whole(time.GetUtcNow());
        if (window.End <= now)
        {
            return (window, false);
        }

        window.EndedAt = now;
        window.EndedBy = actor;
        await context.SaveChangesAsync(cancellationToken);
        Interlocked.Increment(ref _changes);
        _cached = null;
        return (window, true);
    }

    private IReadOnlyList<MaintenanceWindowRecord>? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.ReadAt < CacheFor ? cached.Windows : null;

    // Whole milliseconds, as the store keeps times: what the API answers is what the next read returns.
    private static DateTimeOffset Whole(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private sealed record Reading(IReadOnlyList<MaintenanceWindowRecord> Windows, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the operators' maintenance windows; the last ones read (if any) stay in force")]
    private partial void LogReadFailed(Exception exception);
}
