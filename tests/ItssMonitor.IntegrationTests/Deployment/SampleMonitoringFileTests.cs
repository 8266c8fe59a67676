using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>The monitoring file compose mounts into the app is one the server accepts.</summary>
public sealed class SampleMonitoringFileTests
{
    [Fact]
    public void The_sample_monitoring_file_parses_without_errors_and_watches_the_stack()
    {
        var result = MonitoringFileParser.Parse(File.ReadAllText(ComposeFile.RepositoryFile("deploy/monitoring.yaml")), "deploy/monitoring.yaml");

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var configuration = result.Configuration!;
        Assert.Equal(["ItssMonitor", "InfluxDB", "PostgreSQL", "Grafana"], configuration.Services.Select(service => service.Name));
        Assert.Single(configuration.Maintenance.Windows);
        var channel = Assert.Single(configuration.Notifications.Channels);
        Assert.Equal(NotificationChannelKind.Webhook, channel.Kind);
        Assert.EndsWith(".example.com", channel.Url!.Host, StringComparison.Ordinal);
        Assert.Equal([channel.Name], Assert.Single(configuration.Notifications.Routes).Channels);
    }
}
