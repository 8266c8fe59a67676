using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The way into the alert engine for everything that detects problems (the live path, the evaluation jobs):
/// say a problem is there, or that it is gone. Both are idempotent, so a job can report its whole verdict on
/// every tick; the engine folds duplicates and decides what to notify.
/// </summary>
public interface IAlertSignals
{
    /// <summary>The problem is there now.</summary>
    Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken);

    /// <summary>The problem is gone (nothing happens when no such alert is open).</summary>
    Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken);
}
