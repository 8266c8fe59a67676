using ItssMonitor.Core.Notifications;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Core.Monitoring;

/// <summary>Everything that is monitored, the planned maintenance, and who hears about alerts through which channels.</summary>
public sealed record MonitoringConfiguration(IReadOnlyList<ServiceDefinition> Services)
{
    /// <summary>The file's <c>maintenance:</c> section: excluded from availability, silencing alerts while open.</summary>
    public MaintenanceCalendar Maintenance { get; init; } = MaintenanceCalendar.Empty;

    /// <summary>The file's <c>notifications:</c> section: channels and the routes from teams and severities to them.</summary>
    public NotificationPlan Notifications { get; init; } = NotificationPlan.None;

    public IEnumerable<(ServiceDefinition Service, CheckDefinition Check)> AllChecks =>
        Services.SelectMany(service => service.Checks.Select(check => (service, check)));

    /// <summary>The service of that name (names compare exactly), or null.</summary>
    public ServiceDefinition? FindService(string service) => Services.FirstOrDefault(s => s.Name == service);

    /// <summary>The check of that name in the service of that name (names compare exactly), or null.</summary>
    public CheckDefinition? FindCheck(string service, string check) =>
        FindService(service)?.Checks.FirstOrDefault(c => c.Name == check);
}
