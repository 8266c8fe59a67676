using ItssMonitor.Core.Alerting;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>
/// Alerts and their incidents' timelines in the relational store. There is no authoritative book in memory:
/// several nodes may share the database, so every change loads the rows it needs, applies an
/// <see cref="AlertBook"/> restored from them, and saves the changed rows and new events in one transaction,
/// guarded by each row's version; a change that lost a race with another node is applied again to fresh rows.
/// </summary>
public sealed class AlertStore(IDbContextFactory<MonitorDbContext> contexts)
{
    private const int Attempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to a book holding the <paramref name="selection"/>'s alerts and stores the
    /// result. Returns the outcomes worth telling listeners about: new events, or a change other than "seen again".
    /// </summary>
    public async Task<IReadOnlyList<AlertOutcome>> ChangeAsync(
        AlertSelection selection,
        AlertPolicy policy,
        Func<AlertBook, IEnumerable<AlertOutcome>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var loaded = await context.Set<AlertRecord>().AsNoTracking().Where(selection.Filter).ToDictionaryAsync(a => a.Id, cancellationToken);
            var book = new AlertBook(policy, loaded.Values.Select(record => record.ToAlert()));
            var outcomes = change(book).ToList();
            var announced = Stage(context, loaded, book, outcomes);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return announced;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another node changed one of these rows (version mismatch) or created it first (duplicate key):
                // the book's decisions rest on stale rows, so decide again on fresh ones.
            }
        }
    }

    public async Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await context.Set<AlertRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        return record?.ToAlert();
    }

    /// <summary>The alerts in one of <paramref name="states"/> (of <paramref name="service"/> when given), worst first: by severity, then oldest.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(IReadOnlyCollection<AlertState> states, string? service, CancellationToken cancellationToken)
    {
        var wanted = states.ToArray();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.Set<AlertRecord>().AsNoTracking().Where(a => wanted.Contains(a.State));
        if (service is not null)
        {
            query = query.Where(a => a.Service == service);
        }

        var records = await query.ToListAsync(cancellationToken);
        return [.. records.Select(record => record.ToAlert()).OrderBy(a => a.Severity).ThenBy(a => a.OpenedAt).ThenBy(a => a.Fingerprint.Id, StringComparer.Ordinal)];
    }

    /// <summary>The timeline of one incident (an occurrence of the alert), in order.</summary>
    public async Task<IReadOnlyList<AlertEvent>> TimelineAsync(AlertFingerprint fingerprint, int occurrence, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await context.Set<AlertEventRecord>().AsNoTracking()
            .Where(e => e.AlertId == fingerprint.Id && e.Occurrence == occurrence)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. records.Select(record => record.ToEvent(fingerprint))];
    }

    /// <summary>The incidents opened in [<paramref name="from"/>, <paramref name="to"/>) (of <paramref name="service"/> when given), with their whole timelines.</summary>
    public async Task<IncidentHistory> IncidentsAsync(DateTimeOffset from, DateTimeOffset to, string? service, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var alerts = context.Set<AlertRecord>().AsNoTracking();
        if (service is not null)
        {
            alerts = alerts.Where(a => a.Service == service);
        }

        var opened = await context.Set<AlertEventRecord>().AsNoTracking()
            .Where(e => e.Kind == AlertEventKind.Opened && e.At >= from && e.At < to)
            .Join(alerts, e => e.AlertId, a => a.Id, (e, a) => new { e.AlertId, e.Occurrence })
            .ToListAsync(cancellationToken);
        var ids = opened.Select(o => o.AlertId).Distinct().ToArray();
        var incidents = opened.Select(o => (o.AlertId, o.Occurrence)).ToHashSet();
        var records = await context.Set<AlertRecord>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var events = await context.Set<AlertEventRecord>().AsNoTracking()
            .Where(e => ids.Contains(e.AlertId))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var fingerprints = records.ToDictionary(a => a.Id, a => AlertFingerprint.FromValue(a.Fingerprint));
        return new IncidentHistory(
            [.. records.Select(record => record.ToAlert())],
            [.. events.Where(e => incidents.Contains((e.AlertId, e.Occurrence))).Select(e => e.ToEvent(fingerprints[e.AlertId]))]);
    }

    // Writes only the rows that differ from what was loaded, so a job re-reporting thousands of unchanged alerts writes next to nothing.
    private static List<AlertOutcome> Stage(MonitorDbContext context, Dictionary<string, AlertRecord> loaded, AlertBook book, List<AlertOutcome> outcomes)
    {
        var contentChanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in book.Alerts)
        {
            var record = AlertRecord.From(alert);
            if (!loaded.TryGetValue(record.Id, out var before))
            {
                record.Version = 1;
                context.Add(record);
                contentChanged.Add(record.Id);
                continue;
            }

            var same = record.SameAs(before);
            if (same && record.LastSeenAt == before.LastSeenAt)
            {
                continue;
            }

            record.Version = before.Version + 1;
            context.Update(record);
            context.Entry(record).Property(r => r.Version).OriginalValue = before.Version;
            if (!same)
            {
                contentChanged.Add(record.Id);
            }
        }

        context.AddRange(outcomes.SelectMany(outcome => outcome.Events).Select(AlertEventRecord.From));
        return [.. outcomes.Where(outcome => outcome.Changed || (outcome.Alert is { } alert && contentChanged.Contains(alert.Fingerprint.Id)))];
    }
}
