using System.Diagnostics;
using System.Globalization;
using System.Text;
using ItssMonitor.Benchmarks.Probes;
using ItssMonitor.TestServers;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// Scenario <c>fanout</c> (issue 4): N SignalR clients in this process; state changes at a fixed rate; how long from a
/// change's send time until each client has it, and the server's CPU. First the baseline (<see cref="BareHubProcess"/>),
/// then the real ItssMonitor server (Release build, as a process) fed through <c>POST /api/v1/samples</c>.
/// </summary>
internal static class FanoutScenario
{
    public const string Command = "fanout";

    private const double GoalP99Ms = 250;
    private const string ApiKey = "fanout-benchmark-key-6d1e0b7c";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        FanoutOptions options;
        try
        {
            options = FanoutOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        Console.WriteLine($"fanout: {options.Clients} clients, {options.Rate} changes/s over {options.Services} services; " +
            $"{options.WarmUp.TotalSeconds:0} s warm-up, then {options.Window.TotalSeconds:0} s measured, for each server in turn.");
        var baseline = await MeasureBaselineAsync(options);
        Console.WriteLine($"  baseline done: {baseline.Received} updates");
        var ours = await MeasureOursAsync(options);
        Console.WriteLine($"  ours done: {ours.Received} updates");

        Console.WriteLine();
        Console.WriteLine(FanoutReport.Table(options, baseline, ours, GoalP99Ms));
        return 0;
    }

    private static async Task<FanoutMeasurement> MeasureBaselineAsync(FanoutOptions options)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var url = new Uri($"http://127.0.0.1:{port}/");
        await using var server = LocalServerProcess.Start(
            "bare SignalR hub", OwnProgram.Executable, [.. OwnProgram.Arguments, BareHubProcess.Command, .. options.ToArguments(), "--port", port], AppContext.BaseDirectory);
        using var http = new HttpClient();
        await server.WaitUntilReadyAsync(async ct => await http.GetStringAsync(url, ct) == "ok", TimeSpan.FromSeconds(30));
        return await MeasureAsync("bare SignalR hub (IHubContext, each batch sent as made)", server, new Uri(url, "hub"), drive: null, () => 0, options);
    }

    private static async Task<FanoutMeasurement> MeasureOursAsync(FanoutOptions options)
    {
        var directory = ScratchDirectory.Create("fanout");
        try
        {
            var monitoringFile = directory.Combine("monitoring.yaml");
            await File.WriteAllTextAsync(monitoringFile, MonitoringFile(options));
            var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            var env = ServerBinary.Find("env") ?? throw new InvalidOperationException("env (coreutils) is needed to start the server with its settings.");
            var dotnet = ServerBinary.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH.");
            await using var server = LocalServerProcess.Start(
                "ItssMonitor server",
                env,
                [
                    "ASPNETCORE_ENVIRONMENT=Production",
                    $"Monitoring__File={monitoringFile}",
                    "Ingest__ApiKeys__0__Name=fanout",
                    $"Ingest__ApiKeys__0__Key={ApiKey}",
                    "Ingest__RequestsPerSecond=10000",
                    "Ingest__RequestBurst=10000",
                    // The hub clients watch as wall displays on a closed NOC network do, without a sign-in.
                    "Auth__AnonymousViewer=true",
                    dotnet, SolutionBuild.ProgramPath("ItssMonitor.Server", typeof(FanoutScenario).Assembly), "--urls", url.ToString().TrimEnd('/'),
                ],
                directory.Path);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            await server.WaitUntilReadyAsync(async ct => (await http.GetAsync("healthz", ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(60));

            var driver = new SampleDriver(http, ApiKey, options);
            return await MeasureAsync("ItssMonitor (POST /api/v1/samples → status board → broadcaster → /hubs/status)", server, new Uri(url, "hubs/status"), driver.RunAsync, () => driver.Failed, options);
        }
        finally
        {
            await directory.DeleteAsync();
        }
    }

    private static async Task<FanoutMeasurement> MeasureAsync(
        string name, LocalServerProcess server, Uri hub, Func<CancellationToken, Task>? drive, Func<long> failedRequests, FanoutOptions options)
    {
        await using var clients = await FanoutClients.ConnectAsync(hub, options.Clients, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var driving = drive?.Invoke(stop.Token) ?? Task.CompletedTask;

        await Task.Delay(options.WarmUp);
        var before = ProcessUsage.Read(server.ProcessId);
        var clientsBefore = ProcessUsage.Read(Environment.ProcessId);
        clients.Recording = true;
        var window = Stopwatch.StartNew();
        await Task.Delay(options.Window);
        clients.Recording = false;
        window.Stop();
        var after = ProcessUsage.Read(server.ProcessId);
        var clientsAfter = ProcessUsage.Read(Environment.ProcessId);

        await stop.CancelAsync();
        await driving;
        var latencies = clients.Latencies;
        return new FanoutMeasurement(
            name, window.Elapsed, clients.Received, options.ExpectedPerClient * options.Clients,
            latencies.Percentile(50), latencies.Percentile(99), latencies.MaxMs,
            after.Cpu - before.Cpu, clientsAfter.Cpu - clientsBefore.Cpu, after.PeakRssBytes, clients.Disconnected, failedRequests());
    }

    /// <summary>One push check per service that goes down on one failure, so every sample the driver sends changes a state.</summary>
    private static string MonitoringFile(FanoutOptions options)
    {
        var yaml = new StringBuilder("services:\n");
        for (var i = 0; i < options.Services; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: \"{FanoutOptions.ServiceName(i)}\", team: bench, failuresBeforeDown: 1, checks: [ {{ name: push, kind: push, interval: 1h }} ] }}\n");
        }

        return yaml.ToString();
    }
}
