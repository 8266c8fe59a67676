using DotNet.Testcontainers.Containers;

namespace ItssMonitor.TestServers;

/// <summary>
/// What a fixture runs its server with (a container, or a local process in a scratch directory),
/// started and released together so that nothing outlives the fixture.
/// </summary>
internal sealed class ServerResources(int stopSignal = LocalServerProcess.SigTerm)
{
    public IContainer? Container { get; set; }

    public LocalServerProcess? Process { get; set; }

    public ScratchDirectory? Directory { get; set; }

    /// <summary>Runs <paramref name="start"/>; if it fails, releases what it got so far, since nobody disposes a fixture that failed to start.</summary>
    public async Task StartAsync(Func<Task> start)
    {
        try
        {
            await start();
        }
        catch
        {
            await ReleaseAsync();
            throw;
        }
    }

    /// <summary>Stops the local process (asking with the stop signal first, then killing it) and removes everything.</summary>
    public async Task StopProcessAsync()
    {
        if (Process is not null)
        {
            await Process.StopAsync(stopSignal, TimeSpan.FromSeconds(10));
            await Process.DisposeAsync();
            Process = null;
        }
    }

    public async Task ReleaseAsync()
    {
        if (Container is not null)
        {
            await Container.DisposeAsync();
            Container = null;
        }

        await StopProcessAsync();
        if (Directory is not null)
        {
            await Directory.DeleteAsync();
            Directory = null;
        }
    }
}
