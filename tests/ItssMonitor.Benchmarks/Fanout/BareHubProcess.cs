using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// The baseline of the <c>fanout</c> scenario, run as a child process so its CPU time is its own: a minimal Kestrel app
/// with a bare SignalR hub at <c>/hub</c> (JSON), and the scenario's <see cref="ChangeDriver"/> sending each batch of
/// changes to every client through <see cref="IHubContext{THub}"/> the moment it is made: SignalR's own floor.
/// </summary>
internal static class BareHubProcess
{
    public const string Command = "fanout-bare-hub";

    private static readonly double[] Trend = Enumerable.Range(0, 30).Select(i => 40.0 + i % 7).ToArray();

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var port = args is [.., "--port", var value] ? int.Parse(value, CultureInfo.InvariantCulture) : throw new ArgumentException("usage: fanout-bare-hub [options] --port N");
        var options = FanoutOptions.Parse(args.Take(args.Count - 2).ToList());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hub");
        app.MapGet("/", () => "ok");
        await app.StartAsync();

        var hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        var driver = new ChangeDriver(options);
        await driver.RunAsync(batch => hub.Clients.All.SendAsync(FanoutClients.Method, batch.Select(Status).ToList()), app.Lifetime.ApplicationStopping);
        await app.StopAsync();
        return 0;
    }

    private static BareServiceStatus Status(ServiceChange change)
    {
        var name = FanoutOptions.ServiceName(change.Service);
        var state = change.Up ? "up" : "down";
        return new BareServiceStatus(
            name, "bench", [], state, change.SentAt, change.SentAt, 42, 0.5, Trend,
            [new BareCheckStatus(name, "push", "push", state, change.SentAt, change.SentAt, change.Up, 42, null)]);
    }
}
