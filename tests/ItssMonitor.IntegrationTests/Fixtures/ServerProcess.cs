using System.Diagnostics;
using System.Text;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>
/// One of our own programs (the server, or the agent) started as its own process from the build output,
/// in a working directory of its own (so its SQLite data and spool are its own too); the server on a free
/// loopback port. It can be killed and started again in the same directory on the same port, as an outage would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const string Server = "ItssMonitor.Server";
    private const string Agent = "ItssMonitor.Agent";

    private readonly string _program;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process _process = null!;

    private ServerProcess(string program, IReadOnlyDictionary<string, string> environment)
    {
        _program = program;
        _environment = environment;
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
