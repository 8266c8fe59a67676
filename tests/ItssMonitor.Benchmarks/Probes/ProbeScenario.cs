using System.Globalization;
using System.Text.Json;
using ItssMonitor.TestServers;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// Scenario <c>probes</c> (issue 3): N HTTP checks at a fixed interval against a local target, ours
/// (<see cref="ProberProcess"/>) against Debian's blackbox exporter driven at the same rate, one after the other
/// against the same target in the same run. Each prober is a process of its own and only its CPU time is counted.
/// </summary>
internal static class ProbeScenario
{
    public const string Command = "probes";

    private const double LatenessGoalMs = 200;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ProbeScenarioOptions options;
        try
        {
            options = ProbeScenarioOptions.Parse(args, out _);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        var blackbox = BlackboxExporter.FindBinary();
        if (blackbox is null)
        {
            await Console.Error.WriteLineAsync(
                $"The probes scenario measures against {BlackboxExporter.BinaryName}, which is not installed. Install it with:\n  {BlackboxExporter.InstallCommand}");
            return 2;
        }

        using var http = new HttpClient();
        var port = FreePort.Next();
        var targetUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        await using var target = LocalServerProcess.Start("probe target", OwnProgram.Executable, [.. OwnProgram.Arguments, ProbeTarget.Command, "--port", port.ToString(CultureInfo.InvariantCulture)], AppContext.BaseDirectory);
        await target.WaitUntilReadyAsync(async ct => await http.GetStringAsync(targetUrl, ct) == "ok", TimeSpan.FromSeconds(30));

        Console.WriteLine($"probes: {options.Checks} HTTP checks every {options.Interval.TotalSeconds:0} s against {targetUrl}; " +
            $"{options.WarmUp.TotalSeconds:0} s warm-up, then {options.Window.TotalSeconds:0} s measured, for each prober in turn.");
        var baseline = await MeasureBlackboxAsync(blackbox, http, targetUrl, options);
        Console.WriteLine($"  baseline done: {baseline.Probes} probes");
        var ours = await MeasureOursAsync(targetUrl, options);
        Console.WriteLine($"  ours done: {ours.Probes} probes");

        Console.WriteLine();
        Console.WriteLine(ProbeReport.Table(options, baseline, ours, LatenessGoalMs));
        return 0;
    }

    private static async Task<ProbeMeasurement> MeasureBlackboxAsync(string binary, HttpClient http, Uri target, ProbeScenarioOptions options)
    {
        await using var exporter = await BlackboxExporter.StartAsync(binary, http);
        var probeUrl = exporter.ProbeUrl(target);
        var first = await http.GetStringAsync(probeUrl);
        if (!first.Contains("\nprobe_success 1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The blackbox exporter could not probe {target}:\n{first}");
        }

        using var driverHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = ProbeDriver.MaxConcurrency }) { Timeout = TimeSpan.FromSeconds(10) };
        var driver = new ProbeDriver(driverHttp, probeUrl, options);
        using var stop = new CancellationTokenSource();
        var driving = driver.RunAsync(stop.Token);
        var measured = await MeasuredWindow.MeasureAsync($"{BlackboxExporter.BinaryName} (driven via /probe)", exporter.ProcessId, () => driver.Counts, options);
        await stop.CancelAsync();
        await driving;
        return measured;
    }

    private static async Task<ProbeMeasurement> MeasureOursAsync(Uri target, ProbeScenarioOptions options)
    {
        // Server GC, as the server runs (the Web SDK turns it on; this project is a console app).
        var env = ServerBinary.Find("env") ?? throw new InvalidOperationException("env (coreutils) is needed to start the prober with server GC.");
        var timeout = options.WarmUp + options.Window + TimeSpan.FromSeconds(60);
        var output = await LocalServerProcess.RunToCompletionAsync(
            "prober",
            env,
            ["DOTNET_gcServer=1", OwnProgram.Executable, .. OwnProgram.Arguments, ProberProcess.Command, .. options.ToArguments(), "--target", target.ToString()],
            AppContext.BaseDirectory,
            timeout);
        var result = output.Split('\n').LastOrDefault(line => line.StartsWith(ProberProcess.ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The prober printed no result. Output:\n{output}");
        return JsonSerializer.Deserialize<ProbeMeasurement>(result[ProberProcess.ResultPrefix.Length..])
            ?? throw new InvalidOperationException($"The prober's result could not be read: {result}");
    }
}
