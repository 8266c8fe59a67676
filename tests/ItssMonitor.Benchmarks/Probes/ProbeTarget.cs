using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// The probed target: a Kestrel server on 127.0.0.1 answering 200 "ok" at once. It runs as its own process,
/// so the CPU it spends answering is charged to neither prober.
/// </summary>
internal static class ProbeTarget
{
    public const string Command = "probe-target";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var port = args is ["--port", var value] ? int.Parse(value, CultureInfo.InvariantCulture) : throw new ArgumentException("usage: probe-target --port N");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
