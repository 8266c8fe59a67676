using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// The real server with an ingest key and one account per role (the fixture's admin, <see cref="OperatorName"/>,
/// <see cref="ViewerName"/>), and a way to send one request as any <see cref="Caller"/> without following redirects
/// or keeping cookies, so each answer is the server's first word on that request.
/// </summary>
public sealed class AccessServer : IAsyncLifetime
{
    public const string ApiKey = "access-test-key-3c9d1f7a2b6e";
    public const string ViewerName = "vera";
    public const string OperatorName = "otto";
    public const string Password = "a-long-enough-password";

    private readonly Dictionary<Caller, Cookie> _sessions = [];
    private ServerProcess? _process;

    public ServerProcess Process => _process ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings of the test's own on top of the key (e.g. Auth__AnonymousViewer).</summary>
    public static async Task<AccessServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var server = new AccessServer();
        await server.StartWithAsync(settings);
        return server;
    }

    public Task InitializeAsync() => StartWithAsync([]);

    public async Task<HttpResponseMessage> SendAsync(Caller caller, string method, string path, string? body = null)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Process.Url, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (caller == Caller.ApiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }
        else if (_sessions.TryGetValue(caller, out var session))
        {
            request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        }

        return await http.SendAsync(request);
    }

    /// <summary>The session cookie of a signed-in caller.</summary>
    public Cookie SessionOf(Caller caller) => _sessions[caller];

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task StartWithAsync(IEnumerable<(string Key, string Value)> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Ingest__ApiKeys__0__Name"] = "prometheus",
            ["Ingest__ApiKeys__0__Key"] = ApiKey,
            // The table probes /api/v1/session as every caller; that is not what the rate limit is for.
            ["Auth__SignInAttemptsPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        _process = await ServerProcess.StartAsync(environment);
        await _process.CreateUserAsync(ViewerName, Password, "Viewer");
        await _process.CreateUserAsync(OperatorName, Password, "Operator");
        _sessions[Caller.Viewer] = await _process.SignInAsync(ViewerName, Password);
        _sessions[Caller.Operator] = await _process.SignInAsync(OperatorName, Password);
        _sessions[Caller.Admin] = await _process.SignInAsync();
    }
}
