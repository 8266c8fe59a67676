using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real HTTP receiver for notification channels (Kestrel on a free loopback port in the test process): records
/// every POST with its headers and body, checks <c>X-Itss-Signature</c> against the shared secret, and can be told
/// to answer 500 to the first requests, as a receiver in the middle of a deploy would.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, accepted or not, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public IReadOnlyList<ReceivedRequest> Accepted => [.. _requests.Where(request => request.Accepted)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseUrl = new Uri(address + "/");
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> requests get a 500 and count as not accepted.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public Uri UrlFor(string path) => new(BaseUrl, path);

    /// <summary>Waits (bounded, generous) until <paramref name="count"/> requests to <paramref name="path"/> were accepted.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAcceptedAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var accepted = Accepted.Where(request => request.Path == "/" + path).ToArray();
            if (accepted.Length >= count)
            {
                return accepted;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{accepted.Length} of {count} expected deliveries to /{path} arrived within 60 s; received: {string.Join(", ", Requests.Select(r => $"{r.Path} {(r.Accepted ? "accepted" : "refused")}"))}");
            }

            await Task.Delay(50);
        }
    }

    public static bool SignatureIsValid(ReceivedRequest request, string secret)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));
        return request.Header("X-Itss-Signature") is { } signature
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var accepted = Interlocked.Decrement(ref _failuresLeft) < 0;
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(context.Request.Path, headers, body.ToArray(), accepted, receivedAt));
        context.Response.StatusCode = accepted ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsync(accepted ? "ok" : "receiver is deploying, try again");
    }
}
