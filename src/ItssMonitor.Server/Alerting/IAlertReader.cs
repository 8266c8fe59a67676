using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>Reads an alert as it stands now in the relational store, e.g. for an escalation deciding whether it is still needed.</summary>
public interface IAlertReader
{
    /// <summary>The alert whose <see cref="AlertFingerprint.Id"/> is <paramref name="alertId"/>, or null.</summary>
    Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken);
}
