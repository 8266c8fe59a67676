using System.Diagnostics;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// The same measurement for both probers: let the warm-up interval pass, then read the prober process's CPU time
/// and probe counts at both ends of the window, so start-up and JIT are never charged to the probes.
/// </summary>
internal static class MeasuredWindow
{
    public static async Task<ProbeMeasurement> MeasureAsync(
        string prober, int processId, Func<(long Probes, long Up)> counts, ProbeScenarioOptions options, Action? windowStarts = null, Action? everySecond = null)
    {
        await Task.Delay(options.WarmUp);
        var (probesBefore, upBefore) = counts();
        var before = ProcessUsage.Read(processId);
        windowStarts?.Invoke();
        var window = Stopwatch.StartNew();
        while (window.Elapsed < options.Window)
        {
            var left = options.Window - window.Elapsed;
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            everySecond?.Invoke();
        }

        var after = ProcessUsage.Read(processId);
        var (probesAfter, upAfter) = counts();
        return new ProbeMeasurement(prober, window.Elapsed, probesAfter - probesBefore, upAfter - upBefore, after.Cpu - before.Cpu, after.PeakRssBytes);
    }
}
