using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>A service taken out of the monitoring file while down: nobody will see it recover, so its service-down alert resolves.</summary>
public sealed class RemovedServiceTests : IAsyncDisposable
{
    private const string ApiKey = "removed-service-key-5a1c9e";
    private const string Kept = """
        services:
          - name: Kept
            checks:
              - { name: api, kind: push, interval: 1h, failuresBeforeDown: 1 }
        """;

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("itss-alert-removed-");

    [Fact]
    public async Task Removing_a_down_service_from_the_monitoring_file_resolves_its_alert()
    {
        var file = Path.Combine(_files.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(file, Kept + """

              - name: Retired
                checks:
                  - { name: api, kind: push, interval: 1h, failuresBeforeDown: 1 }
            """);
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Monitoring__File"] = file,
            ["Ingest__ApiKeys__0__Name"] = "removed-service",
            ["Ingest__ApiKeys__0__Key"] = ApiKey,
        });
        using var api = new AlertApi(server);
        await PushDownAsync(server, "Retired");
        var firing = await api.WaitForServiceDownAsync("Retired", "firing");

        await File.WriteAllTextAsync(file, Kept);

        var resolved = await api.WaitForServiceDownAsync("Retired", "resolved");
        Assert.Equal(firing.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
    }

    public ValueTask DisposeAsync()
    {
        _files.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    // Until the board has the file's definitions a sample would be reset, so push again until the service is down.
    private static async Task PushDownAsync(ServerProcess server, string service)
    {
        using var http = await server.CreateClientAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!IsDown(await http.GetStringAsync("api/v1/status"), service))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{service} did not go down within 30 s");
            var timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var body = $$"""{"samples":[{"service":"{{service}}","check":"api","up":false,"timestamp":"{{timestamp}}"}]}""";
            using var response = await http.PostAsync("api/v1/samples", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            await Task.Delay(200);
        }
    }

    private static bool IsDown(string status, string service)
    {
        using var document = System.Text.Json.JsonDocument.Parse(status);
        return document.RootElement.GetProperty("services").EnumerateArray()
            .Any(s => s.GetProperty("service").GetString() == service && s.GetProperty("state").GetString() == "down");
    }
}
