using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>
/// One of our own programs (the server, or the agent) started as its own process from the build output,
/// in a working directory of its own (so its SQLite data and spool are its own too); the server on a free
/// loopback port. It can be killed and started again in the same directory on the same port, as an outage would.
/// The server starts with an admin account (<see cref="AdminName"/>, unless the environment names another or sets
/// <c>Auth__Admin__Name</c> and <c>Auth__Admin__Password</c> empty), and hands out clients signed in as it (<see cref="CreateClientAsync"/>,
/// <see cref="SignInAsync"/> for hub clients and browsers).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const string Server = "ItssMonitor.Server";
    private const string Agent = "ItssMonitor.Agent";

    public const string AdminName = "test-admin";
    public const string AdminPassword = "test-admin-password";
    public const string SessionCookie = "itss-session";

    private readonly string _program;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process _process = null!;
    private Cookie? _adminSession;

    private ServerProcess(string program, IReadOnlyDictionary<string, string> environment)
    {
        _program = program;
        _environment = program == Server ? WithAdmin(environment) : environment;
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        WorkingDirectory = Directory.CreateTempSubdirectory("itss-" + program.Split('.')[^1].ToLowerInvariant() + "-").FullName;
    }

    /// <summary>Where the server listens (the agent listens nowhere).</summary>
    public Uri Url { get; }

    public string WorkingDirectory { get; }

    /// <summary>Everything every run of the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Signs in over <c>POST /api/v1/session</c> and answers the session cookie, for hub clients
    /// (<c>HttpConnectionOptions.Cookies</c>) and browser contexts. The admin's is asked for once and kept: it stays
    /// valid across restarts, and every sign-in counts against the server's sign-in rate limit.
    /// </summary>
    public async Task<Cookie> SignInAsync(string name = AdminName, string password = AdminPassword)
    {
        if (name == AdminName && _adminSession is { } kept)
        {
            return kept;
        }

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Url };
        using var response = await http.PostAsJsonAsync("api/v1/session", new { name, password });
        Assert.True(response.IsSuccessStatusCode, $"signing in as {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var session = cookies.GetCookies(Url)[SessionCookie] ?? throw new InvalidOperationException($"Signing in as {name} set no {SessionCookie} cookie.");
        if (name == AdminName)
        {
            _adminSession = session;
        }

        return session;
    }

    /// <summary>A client of the server signed in as <paramref name="name"/> (the admin unless said otherwise).</summary>
    public async Task<HttpClient> CreateClientAsync(TimeSpan? timeout = null, string name = AdminName, string password = AdminPassword)
    {
        var cookies = new CookieContainer();
        cookies.Add(Url, await SignInAsync(name, password));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Url, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
    }

    /// <summary>Creates an account over the users API, as the admin.</summary>
    public async Task CreateUserAsync(string name, string password, string role)
    {
        using var admin = await CreateClientAsync();
        using var response = await admin.PostAsJsonAsync("api/v1/users", new { name, password, role });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Starts the server and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var server = new ServerProcess(Server, environment);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the agent; it has no endpoint to wait for, its samples show that it runs.</summary>
    public static ServerProcess StartAgent(IReadOnlyDictionary<string, string> environment)
    {
        var agent = new ServerProcess(Agent, environment);
        agent.Launch();
        return agent;
    }

    /// <summary>Starts the server and waits for it to exit by itself (for configurations that must stop it).</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var server = new ServerProcess(Server, environment);
        server.Launch();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server._process.WaitForExitAsync(timeout.Token);
        return (server._process.ExitCode, server.Output);
    }

    /// <summary>Kills the process as a crash or a power cut would; its directory stays for <see cref="StartAgainAsync"/>.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Asks the process to stop (SIGTERM, as a service manager does) and waits until it has; its directory stays.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>Starts the server (again) in the same directory on the same port, and waits until <c>/healthz</c> answers.</summary>
    public async Task StartAgainAsync()
    {
        Launch();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening or not answering yet.
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new TimeoutException($"The server did not answer /healthz within 60 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Directory.Delete(WorkingDirectory, recursive: true);
    }

    // The test's own settings win: Auth__Admin__Name and Auth__Admin__Password set empty start the server with no account at all.
    private static Dictionary<string, string> WithAdmin(IReadOnlyDictionary<string, string> environment)
    {
        var merged = new Dictionary<string, string> { ["Auth__Admin__Name"] = AdminName, ["Auth__Admin__Password"] = AdminPassword };
        foreach (var (key, value) in environment)
        {
            merged[key] = value;
        }

        return merged;
    }

    private void Launch()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SolutionBuild.ProgramPath(_program, typeof(ServerProcess).Assembly));
        if (_program == Server)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(Url.ToString().TrimEnd('/'));
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
