using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Cluster;

/// <summary>
/// A real HTTP target for http checks (Kestrel on a free loopback port in the test process): answers 200 to every
/// GET and remembers when each path was hit, so a test can count how often each check was probed, by any node.
/// </summary>
public sealed class HitCountingTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, DateTimeOffset At)> _hits = new();

    private HitCountingTarget(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<HitCountingTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var target = new HitCountingTarget(app);
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            target._hits.Enqueue((context.Request.Path.Value ?? "/", DateTimeOffset.UtcNow));
            return "ok";
        });
        await app.StartAsync();
        target.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        return target;
    }

    /// <summary>When <paramref name="path"/> (with its leading slash) was hit, in order.</summary>
    public IReadOnlyList<DateTimeOffset> HitsOf(string path) => [.. _hits.Where(hit => hit.Path == path).Select(hit => hit.At).Order()];

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
