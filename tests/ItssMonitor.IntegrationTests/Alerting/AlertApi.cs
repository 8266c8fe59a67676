using System.Net;
using System.Text;
using System.Text.Json;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>The alerts API of a real server process as a test uses it: raw JSON answers, and waiting for an alert to reach a state.</summary>
public sealed class AlertApi(Uri server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> PostAsync(string path, string body)
    {
        using var response = await _http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    /// <summary>Polls <c>GET /api/v1/alerts?state=&amp;service=</c> until the service's service-down alert is there; fails after 30 s.</summary>
    public async Task<JsonElement> WaitForServiceDownAsync(string service, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = default(JsonElement);
        while (DateTime.UtcNow < deadline)
        {
            var (status, _, body) = await GetAsync($"api/v1/alerts?state={state}&service={Uri.EscapeDataString(service)}");
            Assert.Equal(HttpStatusCode.OK, status);
            last = body;
            if (body.EnumerateArray().FirstOrDefault(alert => alert.GetProperty("rule").GetString() == "service-down") is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No {state} service-down alert for {service} within 30 s; last answer: {last}");
        return last;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<(HttpStatusCode, string?, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
