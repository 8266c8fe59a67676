using ItssMonitor.Core.Status;
using ItssMonitor.Server.Access;
using ItssMonitor.Server.Alerting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Server.Status;

/// <summary>
/// <c>/hubs/status</c>: a snapshot on connect, then coalesced batches of changed services
/// (<see cref="StatusBroadcaster"/>). A client narrows what it sees to a team and/or a tag in the hub URL
/// (<c>/hubs/status?team=payments&amp;tag=prod</c>), which holds on every reconnect, or with <see cref="Subscribe"/>,
/// which holds for the current connection only. Alerts are not filtered: every client gets the open alerts on
/// connect (<see cref="IStatusClient.OpenAlerts"/>) and every change (<see cref="IStatusClient.AlertChanged"/>).
/// </summary>
[Authorize(Policy = AccessPolicies.Viewer)]
public sealed partial class StatusHub(StatusBoard board, AlertQueries alerts, TimeProvider time, ILogger<StatusHub> logger) : Hub<IStatusClient>
{
    private const string GroupKey = "group";

    public override async Task OnConnectedAsync()
    {
        // An automatic reconnect is a new connection with the same URL: a filter kept there survives it.
        var query = Context.GetHttpContext()?.Request.Query;
        await JoinAsync(query?["team"].FirstOrDefault(), query?["tag"].FirstOrDefault());
        await SendOpenAlertsAsync();
        await base.OnConnectedAsync();
    }

    /// <summary>Shows only the services of <paramref name="team"/> and/or with <paramref name="tag"/> (null or empty: any); answers with a fresh snapshot.</summary>
    public async Task Subscribe(string? team, string? tag)
    {
        if (Context.Items.TryGetValue(GroupKey, out var current) && current is string group)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        }

        await JoinAsync(team, tag);
    }

    // On every connect, so a reconnecting wall repairs whatever alert changes it missed.
    private async Task SendOpenAlertsAsync()
    {
        try
        {
            await Clients.Caller.OpenAlerts(await alerts.ListAlertsAsync(AlertStateFilter.Open, service: null, Context.ConnectionAborted));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The wall's live status must not depend on the relational store: without it, it shows no alerts, not nothing.
            LogOpenAlertsFailed(exception);
        }
    }

    private async Task JoinAsync(string? team, string? tag)
    {
        var group = StatusGroups.For(team, tag);
        Context.Items[GroupKey] = group;

        // Joined before the snapshot is taken: a change in between is then sent twice rather than never.
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        var services = board.Snapshot(time.GetUtcNow()).Where(service => StatusGroups.Matches(service, team, tag)).ToList();
        await Clients.Caller.Snapshot(services);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the open alerts for a connecting hub client")]
    private partial void LogOpenAlertsFailed(Exception exception);
}
