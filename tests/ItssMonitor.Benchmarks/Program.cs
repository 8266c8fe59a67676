using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ItssMonitor.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
