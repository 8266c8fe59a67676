using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>N services with one HTTP check each, all against the benchmark's target; never changes.</summary>
internal sealed class FixedChecks(int checks, TimeSpan interval, Uri target) : IMonitoringConfigurationSource
{
    private readonly MonitoringConfiguration _configuration = new(
        Enumerable.Range(0, checks)
            .Select(i => new ServiceDefinition(
                $"service {i:0000}",
                "bench",
                [],
                [new CheckDefinition("http", CheckKinds.Http, interval, TimeSpan.FromSeconds(5)) { Url = target }]))
            .ToList());

    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_configuration);

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }
}
