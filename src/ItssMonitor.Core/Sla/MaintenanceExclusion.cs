using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// The maintenance stretches to take out of each service's windows, gathered so that one bulk count per
/// distinct stretch serves every service it applies to: a weekly "*" window costs a handful of queries
/// whatever the number of services, and services without maintenance cost none.
/// </summary>
public sealed class MaintenanceExclusion
{
    private readonly Dictionary<(string Service, TimeSpan Window), IReadOnlyList<TimeWindow>> _stretches = [];

    public MaintenanceExclusion(MaintenanceCalendar calendar, IEnumerable<string> services, IReadOnlyDictionary<TimeSpan, TimeWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(windows);
        var distinct = new HashSet<TimeWindow>();
        foreach (var service in services)
        {
            foreach (var (length, window) in windows)
            {
                var stretches = calendar.Overlapping(service, window);
                if (stretches.Count > 0)
                {
                    _stretches[(service, length)] = stretches;
                    distinct.UnionWith(stretches);
                }
            }
        }

        Stretches = distinct.OrderBy(stretch => stretch.From).ThenBy(stretch => stretch.To).ToArray();
    }

    /// <summary>Every distinct stretch some service's window must leave out: count each once, for all services.</summary>
    public IReadOnlyList<TimeWindow> Stretches { get; }

    /// <summary><paramref name="counts"/> of <paramref name="service"/>'s window without the samples in its maintenance stretches.</summary>
    public WindowCounts Exclude(
        string service,
        TimeSpan window,
        WindowCounts counts,
        IReadOnlyDictionary<TimeWindow, IReadOnlyDictionary<string, WindowCounts>> countsByStretch)
    {
        if (!_stretches.TryGetValue((service, window), out var stretches))
        {
            return counts;
        }

        foreach (var stretch in stretches)
        {
            counts -= countsByStretch[stretch].GetValueOrDefault(service, WindowCounts.None);
        }

        return counts;
    }
}
