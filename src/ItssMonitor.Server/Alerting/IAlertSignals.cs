using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The way into the alert engine for everything that detects problems (the live path, the evaluation jobs):
/// say a problem is there, or that it is gone. All are idempotent, so a job can report its whole verdict on
/// every tick; the engine folds duplicates, drops signals for services in maintenance and decides what to notify.
/// </summary>
public interface IAlertSignals
{
    /// <summary>The problem is there now.</summary>
    Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken);

    /// <summary>The problem is gone (nothing happens when no such alert is open).</summary>
    Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken);

    /// <summary>
    /// A job's whole verdict for the rules it owns (<see cref="AlertFingerprint.Rule"/> values, e.g.
    /// <c>burn-rate/page-1h</c>): every signal in <paramref name="firing"/> is raised, and every open alert of
    /// those rules that is not among them is cleared. One call per tick, so the engine can do it in one pass.
    /// </summary>
    Task ReportAsync(IReadOnlyCollection<string> rules, IReadOnlyList<AlertSignal> firing, CancellationToken cancellationToken);
}
