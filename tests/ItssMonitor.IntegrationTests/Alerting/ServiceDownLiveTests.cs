using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>
/// The live path end to end: the server probes a local HTTP target over HTTP; when the target fails long enough
/// for the check to confirm it, service-down fires, naming the check and its error; when it recovers, it resolves.
/// </summary>
public sealed class ServiceDownLiveTests : IAsyncLifetime
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("itss-alert-live-");
    private readonly int _targetPort = FreePort.Next();
    private WebApplication _target = null!;
    private volatile bool _failing;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, _targetPort));
        _target = builder.Build();
        _target.MapGet("/health", () => _failing ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("ok"));
        await _target.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task A_probed_service_that_goes_down_fires_service_down_and_resolves_it_when_it_recovers()
    {
        var file = Path.Combine(_files.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(file, $$"""
            services:
              - name: Storefront
                team: web
                checks:
                  - { name: health, kind: http, url: "http://127.0.0.1:{{_targetPort}}/health", interval: 1s, timeout: 900ms, failuresBeforeDown: 2 }
            """);
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Monitoring__File"] = file });
        using var api = new AlertApi(server);

        await WaitUntilUpAsync(server);
        _failing = true;
        var firing = await api.WaitForServiceDownAsync("Storefront", "firing");
        Assert.Equal("critical", firing.GetProperty("severity").GetString());
        var summary = firing.GetProperty("summary").GetString();
        Assert.StartsWith("Storefront is down: health", summary);
        Assert.Contains("503", summary);
        Assert.Contains("503", firing.GetProperty("evidence").GetProperty("check health").GetString());

        _failing = false;
        var resolved = await api.WaitForServiceDownAsync("Storefront", "resolved");
        Assert.Equal(firing.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.True(resolved.GetProperty("resolvedAt").GetDateTimeOffset() > firing.GetProperty("openedAt").GetDateTimeOffset());
    }

    // Failing only once the check has been up: the alert's error is then the target's, not a slow first probe's.
    private static async Task WaitUntilUpAsync(ServerProcess server)
    {
        using var http = await server.CreateClientAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await http.GetStringAsync("api/v1/status")).Contains("\"state\":\"up\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "Storefront did not come up within 30 s");
            await Task.Delay(100);
        }
    }
}
