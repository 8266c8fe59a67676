using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Pages.Overview;

/// <summary>
/// The overview's copy of every service's status: a snapshot, then the feed's batches applied on top,
/// kept worst first. A batch taken before the snapshot (the page subscribes first, then reads the board)
/// never puts an older status back.
/// </summary>
internal sealed class ServiceList
{
    private readonly Dictionary<string, ServiceStatus> _byName = new(StringComparer.Ordinal);
    private List<ServiceStatus> _ordered = [];

    /// <summary>Every service, worst first, then by name.</summary>
    public IReadOnlyList<ServiceStatus> Ordered => _ordered;

    public IEnumerable<string> Teams => _byName.Values.Select(service => service.Team).Where(team => team.Length > 0).Distinct().Order(StringComparer.Ordinal);

    public IEnumerable<string> Tags => _byName.Values.SelectMany(service => service.Tags).Distinct().Order(StringComparer.Ordinal);

    public void Replace(IReadOnlyList<ServiceStatus> snapshot)
    {
        _byName.Clear();
        foreach (var service in snapshot)
        {
            _byName[service.Service] = service;
        }

        Sort();
    }

    /// <returns>True when anything changed.</returns>
    public bool Apply(IReadOnlyList<ServiceStatus> changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            if (!_byName.TryGetValue(change.Service, out var current) || current.UpdatedAt <= change.UpdatedAt)
            {
                _byName[change.Service] = change;
                changed = true;
            }
        }

        if (changed)
        {
            Sort();
        }

        return changed;
    }

    public int Count(ServiceState state, OverviewFilter filter) => _ordered.Count(service => service.State == state && filter.MatchesExceptState(service));

    private void Sort() => _ordered = [.. _byName.Values.OrderBy(service => service.State).ThenBy(service => service.Service, StringComparer.Ordinal)];
}
