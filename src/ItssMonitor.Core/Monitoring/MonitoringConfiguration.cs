namespace ItssMonitor.Core.Monitoring;

/// <summary>Everything that is monitored.</summary>
public sealed record MonitoringConfiguration(IReadOnlyList<ServiceDefinition> Services)
{
    public IEnumerable<(ServiceDefinition Service, CheckDefinition Check)> AllChecks =>
        Services.SelectMany(service => service.Checks.Select(check => (service, check)));

    /// <summary>The check of that name in the service of that name (names compare exactly), or null.</summary>
    public CheckDefinition? FindCheck(string service, string check) =>
        Services.FirstOrDefault(s => s.Name == service)?.Checks.FirstOrDefault(c => c.Name == check);
}
