using System.Net;
using System.Text;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>
/// The alerts API of a real server process as a test uses it, signed in (as the fixture's admin unless another account
/// is named): raw JSON answers, and waiting for an alert to reach a state.
/// </summary>
public sealed class AlertApi(ServerProcess server, string name = ServerProcess.AdminName, string password = ServerProcess.AdminPassword) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string path)
    {
        using var response = await (await HttpAsync()).GetAsync(path);
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> PostAsync(string path, string body)
    {
        using var response = await (await HttpAsync()).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
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

    public void Dispose() => _http?.Dispose();

    // Signed in on first use: the constructor cannot wait for the sign-in.
    private async Task<HttpClient> HttpAsync()
    {
        if (_http is null)
        {
            _cookies.Add(server.Url, await server.SignInAsync(name, password));
            _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        }

        return _http;
    }

    private static async Task<(HttpStatusCode, string?, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
