using System.Globalization;
using ItssMonitor.TestServers;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// Debian's <c>prometheus-blackbox-exporter</c> as a throwaway process on a free loopback port, with one
/// <c>http_2xx</c> module, in a scratch directory removed on dispose.
/// </summary>
internal sealed class BlackboxExporter : IAsyncDisposable
{
    public const string BinaryName = "prometheus-blackbox-exporter";
    public const string InstallCommand = "apt-get update && apt-get install -y prometheus-blackbox-exporter";

    // The module timeout matches our checks' 5 s; ip4 because the target is 127.0.0.1 and the default prefers ip6.
    private const string Configuration = """
        modules:
          http_2xx:
            prober: http
            timeout: 5s
            http:
              preferred_ip_protocol: ip4
        """;

    private readonly ServerResources _resources = new();
    private int _port;

    public static string? FindBinary() => ServerBinary.Find(BinaryName);

    public int ProcessId => _resources.Process?.ProcessId ?? throw new InvalidOperationException("The blackbox exporter is not running.");

    public Uri ProbeUrl(Uri target) =>
        new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/probe?module=http_2xx&target={Uri.EscapeDataString(target.ToString())}");

    public static async Task<BlackboxExporter> StartAsync(string binary, HttpClient http)
    {
        var exporter = new BlackboxExporter();
        await exporter._resources.StartAsync(async () =>
        {
            var directory = exporter._resources.Directory = ScratchDirectory.Create("blackbox");
            var configFile = directory.Combine("blackbox.yml");
            await File.WriteAllTextAsync(configFile, Configuration);
            exporter._port = FreePort.Next();
            var process = exporter._resources.Process = LocalServerProcess.Start(
                BinaryName,
                binary,
                [$"--config.file={configFile}", $"--web.listen-address=127.0.0.1:{exporter._port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn"],
                directory.Path);
            var healthy = new Uri($"http://127.0.0.1:{exporter._port.ToString(CultureInfo.InvariantCulture)}/-/healthy");
            await process.WaitUntilReadyAsync(async ct => (await http.GetAsync(healthy, ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        });
        return exporter;
    }

    public ValueTask DisposeAsync() => new(_resources.ReleaseAsync());
}
