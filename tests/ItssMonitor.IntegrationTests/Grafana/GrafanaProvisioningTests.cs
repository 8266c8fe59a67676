using YamlDotNet.RepresentationModel;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>The provisioning files and dashboards of <c>grafana/</c> fit together as Grafana needs them to.</summary>
public sealed class GrafanaProvisioningTests
{
    private static readonly IReadOnlyList<GrafanaDashboard> Dashboards = GrafanaDashboard.LoadAll();

    [Fact]
    public void The_datasource_is_InfluxDB_spoken_in_InfluxQL_with_its_address_and_credentials_from_the_environment()
    {
        var datasources = (YamlSequenceNode)Load("provisioning/datasources/itssmonitor.yaml")["datasources"];
        var datasource = (YamlMappingNode)Assert.Single(datasources);

        Assert.Equal("influxdb", Scalar(datasource, "type"));
        Assert.Equal("InfluxQL", Scalar(datasource, "jsonData", "version"));
        Assert.Equal("${INFLUX_URL}", Scalar(datasource, "url"));
        Assert.Equal("${INFLUX_DATABASE}", Scalar(datasource, "jsonData", "dbName"));
        Assert.Equal("${INFLUX_USER}", Scalar(datasource, "user"));
        Assert.Equal("${INFLUX_PASSWORD}", Scalar(datasource, "secureJsonData", "password"));
    }

    [Fact]
    public void The_dashboard_provider_loads_the_dashboard_files_from_a_folder()
    {
        var provider = (YamlMappingNode)Assert.Single((YamlSequenceNode)Load("provisioning/dashboards/itssmonitor.yaml")["providers"]);

        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal("${GRAFANA_DASHBOARDS}", Scalar(provider, "options", "path"));
    }

    [Fact]
    public void Every_dashboard_has_its_own_uid_and_title_and_the_current_schema()
    {
        Assert.Equal(["availability.json", "incidents.json", "latency.json", "overview.json", "security.json"], Dashboards.Select(dashboard => dashboard.FileName));
        Assert.Equal(Dashboards.Count, Dashboards.Select(dashboard => dashboard.Uid).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Dashboards.Count, Dashboards.Select(dashboard => dashboard.Title).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Dashboards, dashboard => Assert.True(dashboard.SchemaVersion >= 39, $"{dashboard} has schemaVersion {dashboard.SchemaVersion}"));
    }

    [Fact]
    public void Every_panel_query_and_variable_reads_the_provisioned_datasource()
    {
        var datasource = (YamlMappingNode)((YamlSequenceNode)Load("provisioning/datasources/itssmonitor.yaml")["datasources"])[0];
        var uid = Scalar(datasource, "uid");

        var wrong = Dashboards
            .SelectMany(dashboard => dashboard.DatasourceReferences.Select(reference => (dashboard, reference.Where, reference.Uid)))
            .Where(reference => reference.Uid != uid)
            .Select(reference => $"{reference.dashboard}: {reference.Where} reads datasource '{reference.Uid}'")
            .ToList();

        Assert.NotEmpty(Dashboards.SelectMany(dashboard => dashboard.DatasourceReferences));
        Assert.True(wrong.Count == 0, $"Expected datasource '{uid}':\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_panel_query_is_raw_InfluxQL_within_the_dashboard_time_range()
    {
        // Raw, so the query tests run exactly what Grafana sends; $timeFilter, so the time picker applies to every panel.
        var wrong = Dashboards
            .SelectMany(dashboard => dashboard.Queries.Select(query => (dashboard, query)))
            .Where(entry => !entry.query.Raw || !entry.query.Text.Contains("$timeFilter", StringComparison.Ordinal))
            .Select(entry => $"{entry.dashboard}: {entry.query}: {entry.query.Text}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static YamlMappingNode Load(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(GrafanaDashboard.Folder, relativePath));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value;
    }
}
