using System.Globalization;
using System.Text;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>The markdown table the README keeps, with the ratios and the goal of issue 4.</summary>
internal static class FanoutReport
{
    public static string Table(FanoutOptions options, FanoutMeasurement baseline, FanoutMeasurement ours, double goalP99Ms)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{options.Clients} clients (JSON), {options.Rate:N0} state changes/s over {options.Services:N0} services in batches every {FanoutOptions.Tick.TotalMilliseconds:0} ms, {ours.Window.TotalSeconds:0} s measured after {options.WarmUp.TotalSeconds:0} s warm-up"));
        text.AppendLine();
        text.AppendLine("| server | updates received / due | latency p50 / p99 / max | server CPU s | server cores busy | clients' cores busy | server peak RSS |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in new[] { baseline, ours })
        {
            text.AppendLine(Invariant($"| {m.Server} | {m.Received:N0} / {m.Expected:N0} | {m.P50Ms:0.0} / {m.P99Ms:0.0} / {m.MaxMs:0} ms | {m.Cpu.TotalSeconds:0.0} | {m.CoresBusy:0.00} | {m.ClientCoresBusy:0.00} | {m.PeakRssBytes / 1048576.0:0} MB |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"ours / baseline: p50 {ours.P50Ms / baseline.P50Ms:0.0}×, p99 {ours.P99Ms / baseline.P99Ms:0.0}×, server CPU {ours.Cpu / baseline.Cpu:0.00}×"));
        text.AppendLine(Invariant($"p99 ingest → client: {ours.P99Ms:0.0} ms (goal ≤ {goalP99Ms:0} ms: {(ours.P99Ms <= goalP99Ms ? "met" : "MISSED")})"));
        foreach (var m in new[] { baseline, ours }.Where(m => m.Received < m.Expected * 98 / 100 || m.Disconnected > 0 || m.FailedRequests > 0))
        {
            text.AppendLine(Invariant($"WARNING: {m.Server}: {m.Received:N0} of {m.Expected:N0} updates received, {m.Disconnected} clients disconnected, {m.FailedRequests} pushes failed; its figures are suspect."));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
