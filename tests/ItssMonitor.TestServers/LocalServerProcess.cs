using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ItssMonitor.TestServers;

/// <summary>
/// One server binary run as a child process: its output is kept for error messages, readiness is awaited
/// with a deadline, and the whole process tree is killed on dispose.
/// </summary>
internal sealed class LocalServerProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private const int KeptOutputLines = 200;

    // A test host that exits in an orderly way without disposing its fixtures still takes its servers along;
    // after a crash or a kill, AbandonedServers cleans up on the next run.
    private static readonly ConcurrentDictionary<LocalServerProcess, byte> Running = new();

    private readonly Process _process;
    private readonly string _name;
    private readonly Queue<string> _output = new();

    static LocalServerProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Running.Keys)
            {
                server.KillTree();
            }
        };

    private LocalServerProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The server's process id, for reading what the kernel accounts to it (benchmarks read its CPU time).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the server wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/>; when <paramref name="runAsUser"/> is given and this process is root,
    /// the server runs as that user (PostgreSQL refuses to run as root).
    /// </summary>
    public static LocalServerProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, string? runAsUser = null)
    {
        var startInfo = CreateStartInfo(fileName, arguments, workingDirectory, runAsUser);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new LocalServerProcess(name, process);

        // Reading both pipes as lines arrive means a chatty server can never block on a full pipe.
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);

        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} could not be started from {fileName}.");
        }

        Running.TryAdd(server, 0);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a one-off command (such as initdb) to its end and fails with its output when it does not succeed.</summary>
    public static async Task<string> RunToCompletionAsync(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, string? runAsUser = null)
    {
        await using var command = Start(name, fileName, arguments, workingDirectory, runAsUser);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await command._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{name} did not finish within {timeout.TotalSeconds:0} s. Output:\n{command.Output}");
        }

        if (command._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed with exit code {command._process.ExitCode}. Output:\n{command.Output}");
        }

        return command.Output;
    }

    /// <summary>
    /// Polls <paramref name="isReady"/> until it returns true; fails early when the server exits and after
    /// <paramref name="timeout"/> otherwise, in both cases with what the server printed.
    /// </summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        Exception? lastFailure = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                // Let the output readers drain what the server said on its way out.
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before it was ready. Output:\n{Output}");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                if (await isReady(attempt.Token))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastFailure = exception;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"{_name} did not become ready within {timeout.TotalSeconds:0} s (last probe: {lastFailure?.Message ?? "not ready"}). Output:\n{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Asks the server to shut down with <paramref name="signal"/> and kills the tree if it has not gone within <paramref name="grace"/>.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            Signal(_process.Id, signal);
            using var deadline = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Fall through to the hard kill.
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        KillTree();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGKILL cannot be ignored; a process that still lingers is a zombie the OS will reap.
        }

        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, string? runAsUser)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };

        if (runAsUser is not null && Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            // setpriv execs the server in place (runuser would stay as a parent), so signals reach the server itself.
            startInfo.FileName = ServerBinary.Find("setpriv")
                ?? throw new InvalidOperationException($"setpriv (util-linux) is needed to run {fileName} as {runAsUser} when the tests run as root.");
            foreach (var argument in new[] { $"--reuid={runAsUser}", $"--regid={runAsUser}", "--init-groups", "--", fileName })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    /// <summary>Sends a POSIX signal; .NET itself can only send SIGKILL.</summary>
    public static void Signal(int pid, int signal) => _ = SendSignal(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
