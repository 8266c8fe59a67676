using ItssMonitor.Server.Status;
using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Alerting;

/// <summary>Pushes every stored alert change to every hub client (through the Redis backplane when there is one), so walls show it at once.</summary>
internal sealed class AlertHubListener(IHubContext<StatusHub, IStatusClient> hub) : IAlertListener
{
    public async Task OnAlertChangedAsync(Core.Alerting.AlertOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Alert is { } alert)
        {
            await hub.Clients.All.AlertChanged(AlertView.From(alert));
        }
    }
}
