using System.ComponentModel.DataAnnotations;
using ItssMonitor.Server.Cluster;
using Microsoft.Extensions.Configuration;

namespace ItssMonitor.UnitTests.Cluster;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void Without_settings_nodes_beat_every_2_s_and_are_gone_after_6_s_with_a_generated_id()
    {
        var options = Bind([]);

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), ""), (options.HeartbeatInterval, options.NodeTimeout, options.NodeId));
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void A_timeout_of_at_most_two_heartbeats_stops_the_start_naming_both_keys()
    {
        var options = Bind(new() { ["Cluster:HeartbeatInterval"] = "00:00:05", ["Cluster:NodeTimeout"] = "00:00:10" });

        var error = Assert.Single(Errors(options));
        Assert.Contains("Cluster:NodeTimeout (00:00:10) must be more than twice Cluster:HeartbeatInterval (00:00:05)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_id_with_spaces_or_a_heartbeat_out_of_range_is_refused()
    {
        var options = Bind(new() { ["Cluster:NodeId"] = "node a", ["Cluster:HeartbeatInterval"] = "00:00:00.010", ["Cluster:NodeTimeout"] = "00:00:10" });

        Assert.Equal(
            ["Cluster:NodeId must be at most 200 characters without spaces (got 'node a').", "Cluster:HeartbeatInterval must be between 100 ms and 1 min (got 00:00:00.0100000)."],
            Errors(options));
    }

    private static ClusterOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ClusterOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ClusterOptions.Section).Bind(options);
        return options;
    }

    private static List<string> Errors(ClusterOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(result => result.ErrorMessage!).ToList();
    }
}
