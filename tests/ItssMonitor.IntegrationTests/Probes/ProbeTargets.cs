using System.Net;
using System.Net.Sockets;
using System.Text;
using ItssMonitor.Collectors.Probes;
using ItssMonitor.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>
/// The real targets the probe tests aim at, on 127.0.0.1: one Kestrel app with plain HTTP endpoints (fine, slow,
/// failing, wrong body, redirects, an oversized body) and three HTTPS ports (a certificate from a private CA, an
/// expired one, a self-signed one), a listener that accepts connections and never says a word, one whose
/// connections never complete, and a port nothing listens on.
/// </summary>
public sealed class ProbeTargets : IAsyncLifetime
{
    public const string OkBody = "status: all ok";
    public static readonly TimeSpan SlowDelay = TimeSpan.FromMilliseconds(400);

    private WebApplication? _app;
    private TcpListener? _silent;
    private Socket? _full;
    private readonly List<Socket> _queued = [];

    public TestCertificates Certificates { get; } = new();

    public int HttpPort { get; } = FreePort.Next();

    public int TrustedTlsPort { get; } = FreePort.Next();

    public int ExpiredTlsPort { get; } = FreePort.Next();

    public int SelfSignedTlsPort { get; } = FreePort.Next();

    /// <summary>Accepts TCP connections and never reads or writes.</summary>
    public int SilentPort { get; private set; }

    /// <summary>
    /// A listener whose accept queue is full, so the kernel drops further connection attempts (SYNs) and a
    /// connect never completes: the loopback stand-in for a firewalled port.
    /// </summary>
    public int UnreachablePort { get; private set; }

    /// <summary>Nothing listens here.</summary>
    public int ClosedPort { get; } = FreePort.Next();

    public ProbeCertificateTrust Trust => new([Certificates.Authority]);

    public Uri Http(string path) => new($"http://127.0.0.1:{HttpPort}{path}");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, HttpPort);
            kestrel.Listen(IPAddress.Loopback, TrustedTlsPort, listen => listen.UseHttps(Certificates.Trusted));
            kestrel.Listen(IPAddress.Loopback, ExpiredTlsPort, listen => listen.UseHttps(Certificates.Expired));
            kestrel.Listen(IPAddress.Loopback, SelfSignedTlsPort, listen => listen.UseHttps(Certificates.SelfSigned));
        });
        var app = _app = builder.Build();
        app.MapGet("/ok", () => OkBody);
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(SlowDelay, ct);
            return OkBody;
        });
        app.MapGet("/unavailable", () => Results.Text("down for maintenance", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/teapot", () => Results.StatusCode(StatusCodes.Status418ImATeapot));
        app.MapGet("/wrong-body", () => "status: degraded");
        app.MapGet("/redirect", () => Results.Redirect("/ok"));
        app.MapGet("/redirect-forever/{n:int}", (int n) => Results.Redirect($"/redirect-forever/{n + 1}"));
        app.MapGet("/large", () => Results.Text(new string('x', HttpProbe.MaxBodyBytes) + OkBody, "text/plain", Encoding.UTF8));
        await app.StartAsync();

        _silent = new TcpListener(IPAddress.Loopback, 0);
        _silent.Start();
        SilentPort = ((IPEndPoint)_silent.LocalEndpoint).Port;
        await FillAcceptQueueAsync();
    }

    private async Task FillAcceptQueueAsync()
    {
        _full = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _full.Listen(0);
        UnreachablePort = ((IPEndPoint)_full.LocalEndPoint!).Port;

        // Connect (and never accept) until an attempt hangs: from then on every SYN is dropped.
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, UnreachablePort, wait.Token);
                _queued.Add(client);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                return;
            }
        }

        throw new InvalidOperationException($"The accept queue of port {UnreachablePort} did not fill after 16 connections.");
    }

    public async Task DisposeAsync()
    {
        _silent?.Stop();
        foreach (var socket in _queued)
        {
            socket.Dispose();
        }

        _full?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Certificates.Dispose();
    }
}
