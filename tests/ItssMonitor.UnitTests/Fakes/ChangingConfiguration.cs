using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.UnitTests.Fakes;

/// <summary>A configuration source whose configuration the test replaces, as a reloaded monitoring file would be.</summary>
internal sealed class ChangingConfiguration : IMonitoringConfigurationSource
{
    private readonly Channel<MonitoringConfiguration> _versions = Channel.CreateUnbounded<MonitoringConfiguration>();
    private MonitoringConfiguration? _current;

    public void Publish(params ServiceDefinition[] services)
    {
        _current = new MonitoringConfiguration(services);
        _versions.Writer.TryWrite(_current);
    }

    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_current!);

    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var version in _versions.Reader.ReadAllAsync(cancellationToken))
        {
            yield return version;
        }
    }
}
