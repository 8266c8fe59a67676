using System.Text.Json;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Server.Sla;

/// <summary>Keeps the latest SLA evaluation per service in the relational store (<see cref="SlaStatusRecord"/>) and reads it back.</summary>
public sealed class SlaStatusStore(IDbContextFactory<MonitorDbContext> contexts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Replaces the stored evaluations with these: services evaluated are upserted, services no longer evaluated are removed.</summary>
    public async Task SaveAsync(IReadOnlyList<SlaEvaluation> evaluations, DateTimeOffset evaluatedAt, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await context.Set<SlaStatusRecord>().ToDictionaryAsync(record => record.Service, StringComparer.Ordinal, cancellationToken);
        foreach (var evaluation in evaluations)
        {
            if (!stored.Remove(evaluation.Service, out var record))
            {
                record = new SlaStatusRecord { Service = evaluation.Service };
                context.Add(record);
            }

            record.EvaluatedAt = evaluatedAt;
            record.TargetPercent = evaluation.Sla.Availability;
            record.Period = evaluation.Budget.Period;
            record.BudgetConsumed = evaluation.BudgetConsumed;
            record.BudgetRemaining = evaluation.BudgetRemaining;
            record.ExhaustedIn = evaluation.ExhaustedIn;
            record.LatencyP95Ms = evaluation.LatencyP95Ms;
            record.LatencyObjectiveMs = evaluation.Sla.LatencyP95Ms;
            record.Firing = string.Join(' ', evaluation.Signals().Select(signal => signal.Fingerprint.Rule));
            record.WindowsJson = JsonSerializer.Serialize(
                evaluation.Windows.Select(window => new SlaWindowStatus(BurnRateFiring.WindowText(window.Window), window.Counts.Samples, window.Availability * 100, window.BurnRate)),
                Json);
        }

        context.RemoveRange(stored.Values);
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SlaStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await context.Set<SlaStatusRecord>().AsNoTracking().ToListAsync(cancellationToken);
        return records.OrderBy(record => record.Service, StringComparer.Ordinal).Select(ToStatus).ToList();
    }

    /// <summary>The service's latest evaluation; null when it has none (no SLA, unknown, or not evaluated yet).</summary>
    public async Task<SlaStatus?> FindAsync(string service, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await context.Set<SlaStatusRecord>().AsNoTracking().FirstOrDefaultAsync(record => record.Service == service, cancellationToken);
        return record is null ? null : ToStatus(record);
    }

    private static SlaStatus ToStatus(SlaStatusRecord record) => new(
        record.Service,
        record.EvaluatedAt,
        record.TargetPercent,
        BurnRateFiring.WindowText(record.Period),
        JsonSerializer.Deserialize<List<SlaWindowStatus>>(record.WindowsJson, Json) ?? [],
        record.BudgetConsumed * 100,
        record.BudgetRemaining * 100,
        record.ExhaustedIn?.TotalHours,
        record.LatencyP95Ms,
        record.LatencyObjectiveMs,
        record.Firing.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
