using YamlDotNet.RepresentationModel;

namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>
/// <c>docker-compose.yml</c> checked for what <c>docker compose up</c> needs, since no Docker engine runs here:
/// the services, their health checks and start order, volumes, and an app environment the server really reads.
/// </summary>
public sealed class DockerComposeTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void The_stack_has_the_app_and_the_four_services_it_uses()
    {
        Assert.Equal(["app", "grafana", "influxdb", "postgres", "redis"], _compose.Services.Children.Keys.Select(key => ((YamlScalarNode)key).Value).Order(StringComparer.Ordinal));
        Assert.StartsWith("influxdb:2.", Scalar(_compose.Service("influxdb"), "image"), StringComparison.Ordinal);
        Assert.Equal("postgres:16", Scalar(_compose.Service("postgres"), "image"));
        Assert.Equal("redis:7", Scalar(_compose.Service("redis"), "image"));
        Assert.StartsWith("grafana/grafana", Scalar(_compose.Service("grafana"), "image"), StringComparison.Ordinal);
        Assert.Equal("app", Scalar(_compose.Service("app"), "build", "target"));
    }

    [Fact]
    public void Every_service_has_a_health_check_that_runs_a_command()
    {
        foreach (var (name, service) in Named())
        {
            var test = Assert.IsType<YamlSequenceNode>(Child(service, "healthcheck", "test"), exactMatch: false);
            Assert.Contains(((YamlScalarNode)test[0]).Value, new[] { "CMD", "CMD-SHELL" });
            Assert.True(test.Children.Count > 1, $"{name}: the health check runs nothing");
        }

        Assert.Contains("/readyz", HealthCommand("app"), StringComparison.Ordinal);
        Assert.Contains("influx ping", HealthCommand("influxdb"), StringComparison.Ordinal);
        Assert.Contains("pg_isready", HealthCommand("postgres"), StringComparison.Ordinal);
        Assert.Contains("redis-cli ping", HealthCommand("redis"), StringComparison.Ordinal);
        Assert.Contains("/api/health", HealthCommand("grafana"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_starts_after_its_stores_are_healthy()
    {
        var dependsOn = (YamlMappingNode)Child(_compose.Service("app"), "depends_on");

        Assert.Equal(["influxdb", "postgres", "redis"], dependsOn.Children.Keys.Select(key => ((YamlScalarNode)key).Value).Order(StringComparer.Ordinal));
        Assert.All(dependsOn.Children.Values, condition => Assert.Equal("service_healthy", Scalar(condition, "condition")));
    }

    [Fact]
    public void Every_stateful_service_keeps_its_data_in_a_named_volume_declared_at_the_top()
    {
        var declared = ((YamlMappingNode)_compose.Root["volumes"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToHashSet(StringComparer.Ordinal);
        var dataDirectories = new Dictionary<string, string>
        {
            ["app"] = "/app/data",
            ["influxdb"] = "/var/lib/influxdb2",
            ["postgres"] = "/var/lib/postgresql/data",
            ["redis"] = "/data",
            ["grafana"] = "/var/lib/grafana",
        };

        foreach (var service in dataDirectories.Keys)
        {
            var volume = _compose.Volumes(service).Select(entry => entry.Split(':')).SingleOrDefault(parts => parts[1] == dataDirectories[service]);
            Assert.True(volume is not null, $"{service}: nothing mounted on {dataDirectories[service]}");
            Assert.Contains(volume[0], declared);
        }
    }

    [Fact]
    public void The_app_is_configured_only_with_keys_the_server_reads()
    {
        var settings = DocumentedSettings.FromReadme();
        var unknown = _compose.Environment("app").Keys.Where(name => !settings.Binds(name)).ToList();

        Assert.True(unknown.Count == 0, "Not a documented server setting: " + string.Join(", ", unknown));
        Assert.Contains("Storage:Influx:Url", settings.Keys);
    }

    [Fact]
    public void The_key_check_catches_a_typo_and_a_wrong_list_field()
    {
        var settings = DocumentedSettings.FromReadme();

        Assert.False(settings.Binds("Storage__Influx__Uri"));
        Assert.False(settings.Binds("Ingest__ApiKeys__0__Secret"));
        Assert.False(settings.Binds("Agent__ServerUrl"));
        Assert.True(settings.Binds("Ingest__ApiKeys__0__Key"));
        Assert.True(settings.Binds("Reports__Recipients__0"));
    }

    [Fact]
    public void Secrets_are_required_variables_and_never_written_in_the_file()
    {
        var references = ComposeFile.References(ComposeFile.Text());
        string[] secrets = ["INFLUX_TOKEN", "INFLUX_ADMIN_PASSWORD", "POSTGRES_PASSWORD", "INGEST_API_KEY", "GRAFANA_ADMIN_PASSWORD", "GRAFANA_INFLUX_PASSWORD"];

        foreach (var secret in secrets)
        {
            var uses = references.Where(reference => reference.Name == secret).ToList();
            Assert.True(uses.Count > 0, $"{secret} is not used");
            Assert.All(uses, use => Assert.True(use.IsRequired && use.Argument.Length > 0, $"${{{secret}}} must be written ${{{secret}:?message}}"));
        }
    }

    [Fact]
    public void Every_variable_the_file_uses_is_in_the_env_example()
    {
        var example = ComposeFile.EnvExample();
        var missing = ComposeFile.References(ComposeFile.Text()).Select(reference => reference.Name).Distinct().Where(name => !example.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, "Not in .env.example: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_env_example_interpolates_into_every_service_without_a_missing_secret()
    {
        var example = ComposeFile.EnvExample();

        foreach (var (name, _) in Named())
        {
            Assert.All(_compose.Environment(name).Values, value => ComposeFile.Interpolate(value, example));
        }
    }

    [Fact]
    public void Grafana_mounts_the_repository_provisioning_and_dashboards_and_gets_the_variables_they_read()
    {
        var mounts = _compose.Volumes("grafana").Select(entry => entry.Split(':')).Where(parts => parts[0].StartsWith("./", StringComparison.Ordinal)).ToList();
        var environment = _compose.Environment("grafana");

        Assert.Contains(mounts, parts => parts[0] == "./grafana/provisioning/datasources" && parts[1] == "/etc/grafana/provisioning/datasources");
        Assert.Contains(mounts, parts => parts[0] == "./grafana/provisioning/dashboards" && parts[1] == "/etc/grafana/provisioning/dashboards");
        Assert.Contains(mounts, parts => parts[0] == "./grafana/dashboards" && parts[1] == environment["GRAFANA_DASHBOARDS"]);
        Assert.All(mounts, parts => Assert.True(Directory.Exists(ComposeFile.RepositoryFile(parts[0])), $"{parts[0]} does not exist"));
        foreach (var variable in new[] { "INFLUX_URL", "INFLUX_DATABASE", "INFLUX_USER", "INFLUX_PASSWORD", "GRAFANA_DASHBOARDS" })
        {
            Assert.True(environment.ContainsKey(variable), $"grafana: {variable} is not set");
        }

        Assert.Equal("http://influxdb:8086", environment["INFLUX_URL"]);
        Assert.Equal(_compose.Environment("app")["Storage__Influx__Database"], environment["INFLUX_DATABASE"]);
    }

    [Fact]
    public void InfluxDB_is_set_up_by_environment_and_its_init_script_maps_the_bucket_for_the_v1_API()
    {
        var environment = _compose.Environment("influxdb");
        var initScripts = _compose.Volumes("influxdb").Select(entry => entry.Split(':')).Single(parts => parts[1] == "/docker-entrypoint-initdb.d");
        var script = File.ReadAllText(Path.Combine(ComposeFile.RepositoryFile(initScripts[0]), "init-v1.sh"));

        var app = _compose.Environment("app");

        Assert.Equal("setup", environment["DOCKER_INFLUXDB_INIT_MODE"]);
        // The app writes with the token, org and bucket InfluxDB is set up with.
        Assert.Equal(
            [app["Storage__Influx__Token"], app["Storage__Influx__Org"], app["Storage__Influx__Database"]],
            [environment["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], environment["DOCKER_INFLUXDB_INIT_ORG"], environment["DOCKER_INFLUXDB_INIT_BUCKET"]]);
        string[] steps = ["influx v1 dbrp create", "--db \"${DOCKER_INFLUXDB_INIT_BUCKET}\"", "influx v1 auth create", "--read-bucket"];
        Assert.All(steps, step => Assert.Contains(step, script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_port_is_the_one_the_image_exposes_and_the_monitoring_file_is_mounted_where_the_app_reads_it()
    {
        var app = _compose.Service("app");
        var port = Assert.Single(((YamlSequenceNode)Child(app, "ports")).Select(entry => ((YamlScalarNode)entry).Value!));
        var monitoringFile = _compose.Environment("app")["Monitoring__File"];

        Assert.EndsWith(":" + Dockerfile.Load().Stage("app").Instruction("EXPOSE"), port, StringComparison.Ordinal);
        Assert.Contains(_compose.Volumes("app"), volume => volume.Split(':')[1] == monitoringFile && File.Exists(ComposeFile.RepositoryFile(volume.Split(':')[0])));
    }

    private IEnumerable<(string Name, YamlMappingNode Service)> Named() =>
        _compose.Services.Children.Select(entry => (((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value));

    private string HealthCommand(string service) =>
        string.Join(' ', ((YamlSequenceNode)Child(_compose.Service(service), "healthcheck", "test")).Skip(1).Select(part => ((YamlScalarNode)part).Value));

    private static YamlNode Child(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing in {current.Start}"));

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Child(node, path)).Value!;
}
