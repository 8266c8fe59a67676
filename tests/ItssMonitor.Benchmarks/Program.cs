using BenchmarkDotNet.Running;
using ItssMonitor.Benchmarks.Probes;
using ItssMonitor.Benchmarks.Wall;

// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- --filter '*'     (BenchmarkDotNet scenarios: ingest)
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- probes [--checks 2000] [--interval 10] [--seconds 60]
// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- wall [--services 2000]
// The probes and wall scenarios are measured runs with a baseline beside them, not microbenchmarks, so they bypass BenchmarkDotNet;
// probes starts this same executable again as its target and as our prober.
return args.FirstOrDefault() switch
{
    ProbeScenario.Command => await ProbeScenario.RunAsync(args[1..]),
    WallScenario.Command => await WallScenario.RunAsync(args[1..]),
    ProbeTarget.Command => await ProbeTarget.RunAsync(args[1..]),
    ProberProcess.Command => await ProberProcess.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
