using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.UnitTests.Fakes;

internal sealed class FixedConfiguration(params ServiceDefinition[] services) : IMonitoringConfigurationSource
{
    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new MonitoringConfiguration(services));

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }

    public static ServiceDefinition Service(string name, params CheckDefinition[] checks) => new(name, "team", [], checks);

    public static CheckDefinition Check(string name, int intervalSeconds = 10, int timeoutSeconds = 2) =>
        new(name, "scripted", TimeSpan.FromSeconds(intervalSeconds), TimeSpan.FromSeconds(timeoutSeconds));
}
