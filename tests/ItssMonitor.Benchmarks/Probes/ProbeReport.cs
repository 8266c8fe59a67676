using System.Globalization;
using System.Text;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>The markdown table the README keeps, with the ratio and the goals of issue 3.</summary>
internal static class ProbeReport
{
    public static string Table(ProbeScenarioOptions options, ProbeMeasurement baseline, ProbeMeasurement ours, double latenessGoalMs)
    {
        var ratio = ours.CpuSecondsPer1000Probes / baseline.CpuSecondsPer1000Probes;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{options.Checks} HTTP checks every {options.Interval.TotalSeconds:0} s, {ours.Window.TotalSeconds:0} s measured after {options.WarmUp.TotalSeconds:0} s warm-up; {options.ExpectedProbes} probes due per prober"));
        text.AppendLine();
        text.AppendLine("| prober | probes (up) | CPU s | CPU s / 1,000 probes | peak RSS | managed heap (peak) | schedule lateness p50 / p99 / max |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in new[] { baseline, ours })
        {
            var heap = m.PeakManagedHeapBytes is { } bytes ? Megabytes(bytes) : "n/a";
            var lateness = m.LatenessP99Ms is null ? "n/a (the driver sets its timing)" : Invariant($"{m.LatenessP50Ms:0.0} / {m.LatenessP99Ms:0.0} / {m.LatenessMaxMs:0.0} ms");
            text.AppendLine(Invariant($"| {m.Prober} | {m.Probes:N0} ({m.Up:N0}) | {m.Cpu.TotalSeconds:0.00} | {m.CpuSecondsPer1000Probes:0.000} | {Megabytes(m.PeakRssBytes)} | {heap} | {lateness} |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"CPU per probe, ours / baseline: {ratio:0.00} (goal ≤ 1: {(ratio <= 1 ? "met" : "MISSED")})"));
        text.AppendLine(Invariant($"p99 schedule lateness: {ours.LatenessP99Ms:0.0} ms (goal ≤ {latenessGoalMs:0} ms: {(ours.LatenessP99Ms <= latenessGoalMs ? "met" : "MISSED")})"));
        foreach (var m in new[] { baseline, ours }.Where(m => m.Up < m.Probes || m.Probes < options.ExpectedProbes * 95 / 100))
        {
            text.AppendLine(Invariant($"WARNING: {m.Prober} completed {m.Probes} of {options.ExpectedProbes} due probes, {m.Up} up; its figures are suspect."));
        }

        return text.ToString();
    }

    private static string Megabytes(long bytes) => Invariant($"{bytes / 1048576.0:0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
