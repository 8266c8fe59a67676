namespace ItssMonitor.Core.Monitoring;

/// <summary>Everything that is monitored.</summary>
public sealed record MonitoringConfiguration(IReadOnlyList<ServiceDefinition> Services)
{
    public IEnumerable<(ServiceDefinition Service, CheckDefinition Check)> AllChecks =>
        Services.SelectMany(service => service.Checks.Select(check => (service, check)));
}
