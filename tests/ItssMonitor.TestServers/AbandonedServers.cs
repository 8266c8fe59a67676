using System.ComponentModel;
using System.Diagnostics;

namespace ItssMonitor.TestServers;

/// <summary>
/// Cleans up after test runs that died without disposing their fixtures (a hang timeout, a CI time limit,
/// Ctrl+C): their servers would otherwise keep running, and holding memory and ports, until the machine restarts.
/// </summary>
internal static class AbandonedServers
{
    private static readonly Lazy<bool> Swept = new(Sweep);

    /// <summary>Runs the sweep the first time a fixture of this process needs a scratch directory.</summary>
    public static void SweepOnce() => _ = Swept.Value;

    private static bool Sweep()
    {
        // /proc is how the servers are found; elsewhere the fixtures use containers anyway.
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), ScratchDirectory.NamePrefix + "*"))
        {
            try
            {
                if (IsAbandoned(directory))
                {
                    KillProcessesWorkingIn(directory);
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another user's or still in use: not this run's to clean.
            }
        }

        return true;
    }

    private static bool IsAbandoned(string directory)
    {
        // No owner file: being created by a run in progress right now.
        var ownerFile = Path.Combine(directory, ScratchDirectory.OwnerFileName);
        return File.Exists(ownerFile)
            && int.TryParse(File.ReadAllText(ownerFile).Trim(), out var owner)
            && !Directory.Exists($"/proc/{owner}");
    }

    // Every server runs with its scratch directory (or, for PostgreSQL, the data directory inside it) as its
    // working directory, which identifies it even after a PID was reused or the process retitled itself.
    private static void KillProcessesWorkingIn(string directory)
    {
        var processes = ProcessesWorkingIn(directory);

        // SIGINT first: PostgreSQL's fast shutdown frees its shared memory, which a kill would leak.
        foreach (var process in processes)
        {
            LocalServerProcess.Signal(process.Id, LocalServerProcess.SigInt);
        }

        foreach (var process in processes)
        {
            try
            {
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill();
                    process.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
            {
                // Gone already, or not ours to kill.
            }
            finally
            {
                process.Dispose();
            }
        }
    }

    private static List<Process> ProcessesWorkingIn(string directory)
    {
        var inside = directory + Path.DirectorySeparatorChar;
        var found = new List<Process>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            try
            {
                var workingDirectory = new FileInfo(Path.Combine(entry, "cwd")).LinkTarget;
                if (workingDirectory is not null && (workingDirectory == directory || workingDirectory.StartsWith(inside, StringComparison.Ordinal)))
                {
                    found.Add(Process.GetProcessById(pid));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Exited meanwhile, or another user's process.
            }
        }

        return found;
    }
}
