using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage.Relational.Maintenance;

namespace ItssMonitor.Server.Maintenance;

/// <summary>
/// The one maintenance calendar in force: the monitoring file's windows followed by those operators set at run time
/// (<see cref="OperatorMaintenanceStore"/>). The status board, alert silencing, SLA evaluation and reports all take
/// their calendar from here, so a window behaves the same wherever it came from.
/// </summary>
public sealed class MaintenanceSchedule(IMonitoringConfigurationSource configuration, OperatorMaintenanceStore operators)
{
    private volatile Combined? _last;

    /// <summary>The calendar of the configuration in force.</summary>
    public async Task<MaintenanceCalendar> GetAsync(CancellationToken cancellationToken) =>
        await CalendarForAsync(await configuration.GetAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// <paramref name="configuration"/>'s calendar with the operators' windows added; the same instance while neither
    /// changes, so a caller can tell a new calendar from the one it already applied.
    /// </summary>
    public async Task<MaintenanceCalendar> CalendarForAsync(MonitoringConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var stored = await operators.WindowsAsync(cancellationToken);
        if (_last is { } last && ReferenceEquals(last.File, configuration.Maintenance) && ReferenceEquals(last.Stored, stored))
        {
            return last.Calendar;
        }

        var combined = Combine(configuration.Maintenance, stored);
        _last = new Combined(configuration.Maintenance, stored, combined);
        return combined;
    }

    /// <summary><paramref name="file"/>'s windows followed by one fixed window per stored one, each closing when it was ended.</summary>
    public static MaintenanceCalendar Combine(MaintenanceCalendar file, IReadOnlyList<MaintenanceWindowRecord> stored)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stored);
        return file.With([.. stored.Where(window => window.End > window.From).Select(Window)]);
    }

    /// <summary>A stored window as the calendar takes it: named by its reason, which the board and the wall show.</summary>
    public static FixedMaintenanceWindow Window(MaintenanceWindowRecord window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new FixedMaintenanceWindow(window.Reason, window.Services, new TimeWindow(window.From, window.End));
    }

    private sealed record Combined(MaintenanceCalendar File, IReadOnlyList<MaintenanceWindowRecord> Stored, MaintenanceCalendar Calendar);
}
