using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Access;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// Acknowledging and resolving as a signed-in person, for the API and the incidents page alike: the engine acts,
/// and a change lands in the audit log as <c>alert.acknowledge</c> or <c>alert.resolve</c> with who did it.
/// </summary>
internal sealed class AlertActions(AlertEngine engine, IAuditLog audit)
{
    public async Task<AlertOutcome?> ActAsync(string alertId, bool acknowledge, string actor, string? note, CancellationToken cancellationToken)
    {
        var outcome = acknowledge
            ? await engine.AcknowledgeAsync(alertId, actor, note, cancellationToken)
            : await engine.ResolveAsync(alertId, actor, note, cancellationToken);
        if (outcome is { Changed: true, Alert: { } alert })
        {
            var detail = note is null ? $"service {alert.Service}" : $"service {alert.Service}; note: {note}";
            await audit.RecordAsync(actor, acknowledge ? "alert.acknowledge" : "alert.resolve", alertId, detail, cancellationToken);
        }

        return outcome;
    }
}
