using ItssMonitor.Core.Status;
using ItssMonitor.Server.Status;

namespace ItssMonitor.Server.Pages.Overview;

/// <summary>
/// What the overview's search box and filters let through: free text matched against the service, its
/// checks and its team (case-insensitive), and exact team, tag and state choices (null: any).
/// </summary>
internal sealed record OverviewFilter(string? Search = null, string? Team = null, string? Tag = null, ServiceState? State = null)
{
    public bool Matches(ServiceStatus service) => MatchesExceptState(service) && (State is null || service.State == State);

    /// <summary>Everything but the state, so the counts per state can show what choosing a state would give.</summary>
    public bool MatchesExceptState(ServiceStatus service) =>
        StatusGroups.Matches(service, Team, Tag) && MatchesSearch(service);

    private bool MatchesSearch(ServiceStatus service)
    {
        if (string.IsNullOrWhiteSpace(Search))
        {
            return true;
        }

        var text = Search.Trim();
        return service.Service.Contains(text, StringComparison.OrdinalIgnoreCase)
            || service.Team.Contains(text, StringComparison.OrdinalIgnoreCase)
            || service.Checks.Any(check => check.Check.Contains(text, StringComparison.OrdinalIgnoreCase));
    }
}
