using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>Sends InfluxQL to the real InfluxDB's <c>/query</c> the way Grafana's InfluxQL datasource does (GET, one database).</summary>
internal sealed class InfluxQueryRunner(InfluxDbServer influx, string database) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<InfluxAnswer> RunAsync(string query)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri(influx.Url, $"query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(query)}"));
        if (influx.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", influx.Token);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // A query InfluxDB cannot parse gets a 400 with a top-level error; one it cannot run, a 200 with the error in its result.
        var answer = JsonNode.Parse(body) ?? throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} with no JSON: {body}");
        var result = answer["results"]?[0];
        var error = (string?)answer["error"] ?? (string?)result?["error"];
        if (error is null && !response.IsSuccessStatusCode)
        {
            error = $"HTTP {(int)response.StatusCode}: {body}";
        }

        return new InfluxAnswer(error, result?["series"]?.AsArray() ?? []);
    }

    public void Dispose() => _http.Dispose();
}
