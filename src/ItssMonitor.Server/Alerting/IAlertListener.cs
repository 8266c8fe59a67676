using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// Told by the alert engine about every change to an alert, after it is stored: the hub pushes it to walls and
/// pages, notifications go out when <see cref="AlertOutcome.Notify"/> says so and escalations are cancelled on
/// acknowledgement or resolution. A listener that fails is logged; it does not undo the change or stop the others.
/// </summary>
public interface IAlertListener
{
    Task OnAlertChangedAsync(AlertOutcome outcome, CancellationToken cancellationToken);
}
