namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>The <c>Dockerfile</c> builds the server and the agent in one SDK stage and runs them unprivileged, as compose expects.</summary>
public sealed class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void One_SDK_stage_with_Node_publishes_the_server_and_the_agent()
    {
        var build = _dockerfile.Stage("build");
        var runs = string.Join('\n', build.Instructions.Where(instruction => instruction.Keyword == "RUN").Select(instruction => instruction.Arguments));

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", build.Image);
        Assert.Contains("nodejs npm", runs, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/ItssMonitor.Server -c Release", runs, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/ItssMonitor.Agent -c Release", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_is_the_official_ASP_NET_Core_one_on_Debian_where_Chromium_is_a_real_package()
    {
        var runtime = _dockerfile.Stage("runtime");
        var app = _dockerfile.Stage("app");

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.Stage("aspnet").Image);
        Assert.StartsWith("debian:", runtime.Image, StringComparison.Ordinal);
        Assert.Contains(runtime.Instructions, instruction => instruction is ("COPY", "--from=aspnet /usr/share/dotnet /usr/share/dotnet"));
        Assert.Equal("runtime", app.Image);
        Assert.Equal("runtime", _dockerfile.Stage("agent").Image);
        Assert.Contains(app.Instructions, instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains(" chromium ", StringComparison.Ordinal));
        Assert.Contains("Reports__ChromiumPath=/usr/bin/chromium", app.Instruction("ENV"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_image_is_the_default_target_and_serves_port_8080_unprivileged_with_a_health_check()
    {
        var app = _dockerfile.Stage("app");

        Assert.Same(app, _dockerfile.Stages[^1]);
        Assert.Equal("8080", app.Instruction("EXPOSE"));
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", app.Instruction("ENV"), StringComparison.Ordinal);
        Assert.Equal("app", app.Instruction("USER"));
        Assert.Contains("useradd --uid 1654", _dockerfile.Stage("runtime").Instruction("RUN"), StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080/healthz", app.Instruction("HEALTHCHECK"), StringComparison.Ordinal);
        Assert.Contains("curl", _dockerfile.Stage("runtime").Instructions.First(instruction => instruction.Keyword == "RUN").Arguments, StringComparison.Ordinal);
        Assert.Equal("[\"/app/data\"]", app.Instruction("VOLUME"));
        Assert.Equal("[\"dotnet\", \"ItssMonitor.Server.dll\"]", app.Instruction("ENTRYPOINT"));
    }

    [Fact]
    public void The_agent_image_runs_the_agent_unprivileged_and_keeps_its_spool_in_a_volume()
    {
        var agent = _dockerfile.Stage("agent");

        Assert.Equal("app", agent.Instruction("USER"));
        Assert.Equal("[\"/app/data\"]", agent.Instruction("VOLUME"));
        Assert.Equal("[\"dotnet\", \"ItssMonitor.Agent.dll\"]", agent.Instruction("ENTRYPOINT"));
        Assert.Equal("", agent.Instruction("EXPOSE"));
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_local_data_and_secrets()
    {
        var ignored = File.ReadAllLines(ComposeFile.RepositoryFile(".dockerignore")).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        Assert.Superset(
            new HashSet<string>(["**/bin/", "**/obj/", "**/node_modules/", "**/data/", "**/TestResults/", "**/BenchmarkDotNet.Artifacts/", ".git/", ".env"]),
            ignored.ToHashSet());
    }
}
