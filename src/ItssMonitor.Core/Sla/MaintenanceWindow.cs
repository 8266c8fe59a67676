using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Sla;

/// <summary>
/// Planned downtime for some services (by name, or every service with <c>"*"</c>): excluded from availability
/// and silencing alerts while it lasts.
/// </summary>
public abstract record MaintenanceWindow
{
    protected MaintenanceWindow(string name, IReadOnlyList<string> services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            throw new ArgumentException($"Maintenance window '{name}' names no services; use \"*\" for every service.", nameof(services));
        }

        Name = name;
        Services = services;
    }

    /// <summary>The service list that means every service.</summary>
    public const string EveryService = "*";

    public string Name { get; }

    public IReadOnlyList<string> Services { get; }

    public bool AppliesTo(string service) =>
        Services.Any(name => name == EveryService || string.Equals(name, service, StringComparison.Ordinal));

    /// <summary>The times this window is open that overlap <paramref name="window"/>, clipped to it, in order.</summary>
    public abstract IEnumerable<TimeWindow> Overlapping(TimeWindow window);

    protected static TimeWindow? Clip(TimeWindow interval, TimeWindow window)
    {
        var from = interval.From > window.From ? interval.From : window.From;
        var to = interval.To < window.To ? interval.To : window.To;
        return to > from ? new TimeWindow(from, to) : null;
    }
}
