using System.Text.Json;
using ItssMonitor.Collectors;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// Our side of the <c>probes</c> scenario, run as a child process of the benchmark so that its CPU time is the
/// prober's alone: the real scheduler and HTTP probe, registered through <c>AddCollectors</c> as the server does.
/// Prints one <see cref="ResultPrefix"/> line with the measurement as JSON.
/// </summary>
internal static class ProberProcess
{
    public const string Command = "probe-prober";
    public const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ProbeScenarioOptions.Parse(args, out var rest, "--target");
        var target = rest is ["--target", var url] ? new Uri(url) : throw new ArgumentException("probe-prober needs --target URL");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        // Logged as the server logs (its appsettings.json), but to stderr: stdout carries the result.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        var sink = new CountingSink();
        builder.Services.AddCollectors(builder.Configuration);
        builder.Services.AddSingleton<IMonitoringConfigurationSource>(new FixedChecks(options.Checks, options.Interval, target));
        builder.Services.AddSingleton<ISampleSink>(sink);

        using var lateness = new LatenessListener();
        using var host = builder.Build();
        await host.StartAsync();

        long peakHeap = 0;
        var measured = await MeasuredWindow.MeasureAsync(
            "ItssMonitor (CheckScheduler + HttpProbe)",
            Environment.ProcessId,
            () => sink.Counts,
            options,
            windowStarts: () => lateness.Recording = true,
            everySecond: () => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false)));

        lateness.Recording = false;
        await host.StopAsync();
        var (p50, p99, max) = lateness.Percentiles();
        var result = measured with { PeakManagedHeapBytes = peakHeap, LatenessP50Ms = p50, LatenessP99Ms = p99, LatenessMaxMs = max };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
