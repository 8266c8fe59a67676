using BenchmarkDotNet.Running;
using ItssMonitor.Benchmarks;
using ItssMonitor.Benchmarks.Detect;
using ItssMonitor.Benchmarks.Evaluate;
using ItssMonitor.Benchmarks.Fanout;
using ItssMonitor.Benchmarks.Probes;
using ItssMonitor.Benchmarks.Wall;

// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- --filter '*'     (BenchmarkDotNet scenarios: ingest)
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- probes [--checks 2000] [--interval 10] [--seconds 60]
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- wall [--services 2000]
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- fanout [--clients 200] [--rate 1000] [--services 1000] [--seconds 60]
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- evaluate [--services 2000]
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- detect [--runs 5]
// The probes, wall and fanout scenarios are measured runs with a baseline beside them, not microbenchmarks, so they bypass
// BenchmarkDotNet; they start this same executable again as the probe target, our prober, and the bare SignalR hub.
return args.FirstOrDefault() switch
{
    ProbeScenario.Command => await ProbeScenario.RunAsync(args[1..]),
    WallScenario.Command => await WallScenario.RunAsync(args[1..]),
    ProbeTarget.Command => await ProbeTarget.RunAsync(args[1..]),
    ProberProcess.Command => await ProberProcess.RunAsync(args[1..]),
    FanoutScenario.Command => await FanoutScenario.RunAsync(args[1..]),
    BareHubProcess.Command => await BareHubProcess.RunAsync(args[1..]),
    EvaluateScenario.Command => await EvaluateScenario.RunAsync(args[1..]),
    DetectScenario.Command => await DetectScenario.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
    return 0;
}
