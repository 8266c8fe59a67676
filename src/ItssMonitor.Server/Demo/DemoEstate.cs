using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Sla;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItssMonitor.Server.Demo;

/// <summary>
/// The monitoring configuration used when none is given: HTTP checks of the <see cref="DemoTarget"/>s
/// this server hosts, reached at the address it listens on (known once it has started), and one maintenance window.
/// </summary>
internal sealed class DemoEstate(IServer server, IHostApplicationLifetime lifetime) : IMonitoringConfigurationSource
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // A recurring window, so a first run also shows the maintenance state (and its silenced alerts) within half an hour.
    private static readonly MaintenanceCalendar Maintenance = new([
        new RecurringMaintenanceWindow("Export cache rebuild", ["Reporting"], CronSchedule.Parse("*/30 * * * *"), TimeSpan.FromMinutes(5)),
    ]);

    // Built once, when the server has started and its address is known; every caller then gets the same configuration.
    private readonly Lazy<Task<MonitoringConfiguration>> _configuration = new(() => BuildWhenStartedAsync(server, lifetime));

    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => _configuration.Value.WaitAsync(cancellationToken);

    /// <summary>The demo estate never changes.</summary>
    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await GetAsync(cancellationToken);
    }

    private static async Task<MonitoringConfiguration> BuildWhenStartedAsync(IServer server, IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task;
        var baseUri = OwnAddress(server);
        var services = DemoTarget.All
            .Select(target => new ServiceDefinition(
                target.Service,
                target.Team,
                target.Tags,
                [new CheckDefinition(target.Check, CheckKinds.Http, Interval, Timeout) { Url = new Uri(baseUri, target.Path) }],
                new ServiceSla(target.SlaAvailability)))
            .ToList();
        return new MonitoringConfiguration(services) { Maintenance = Maintenance };
    }

    /// <summary>The first address the server listens on, with a wildcard host replaced by localhost.</summary>
    private static Uri OwnAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens on no address, so the demo estate has nothing to probe.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }
}
