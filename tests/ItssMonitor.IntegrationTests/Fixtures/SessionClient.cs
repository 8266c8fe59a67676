using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>
/// A client of a real server process that keeps its cookies and follows redirects, as a browser does: it signs in
/// (a local account over <c>POST /api/v1/session</c>, or any sign-in flow it is sent through) and then calls the API
/// as that user, reading raw JSON answers.
/// </summary>
public sealed class SessionClient : IDisposable
{
    public const string SessionCookie = "itss-session";

    private readonly HttpClient _http;

    public SessionClient(Uri server)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Whether the server has set the sign-in cookie for it.</summary>
    public bool HasSession => Cookies.GetAllCookies().Any(cookie => cookie.Name == SessionCookie);

    /// <summary>Signs in with a local account; the sign-in must succeed.</summary>
    public async Task SignInAsync(string name, string password)
    {
        using var response = await _http.PostAsJsonAsync("api/v1/session", new { name, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GET, following redirects; also answers where the last redirect led.</summary>
    public async Task<(HttpStatusCode Status, Uri Landed, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var (status, _, body) = await ReadAsync(response);
        return (status, response.RequestMessage!.RequestUri!, body);
    }

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> PostAsync(string path, string json)
    {
        using var response = await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> DeleteAsync(string path)
    {
        using var response = await _http.DeleteAsync(path);
        return await ReadAsync(response);
    }

    /// <summary>Polls <c>GET {path}</c> until <paramref name="done"/> holds for its JSON answer; fails after 60 s showing the last answer.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, _, body) = await GetAsync(path);
            if (body.ValueKind != JsonValueKind.Undefined && done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within 60 s; last answer of {path}: {body}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<(HttpStatusCode, string?, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0;
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
