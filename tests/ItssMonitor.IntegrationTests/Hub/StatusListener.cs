using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ItssMonitor.Core.Status;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>
/// A real .NET SignalR client of <c>/hubs/status</c> that records every snapshot and change batch with the moment it
/// arrived (<see cref="Stopwatch"/> ticks), so tests can ask what came, in what order, and how fast.
/// </summary>
public sealed class StatusListener : IAsyncDisposable
{
    public const string Snapshot = "Snapshot";
    public const string StatusChanged = "StatusChanged";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly List<ReceivedStatus> _received = [];

    private StatusListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<List<ServiceStatus>>(Snapshot, services => Record(Snapshot, services));
        connection.On<List<ServiceStatus>>(StatusChanged, services => Record(StatusChanged, services));
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<ReceivedStatus> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// Connects and waits for the snapshot every connection gets first; as the user of the <paramref name="session"/>
    /// cookie, or without one (a kiosk token in the URL, or a server with Auth:AnonymousViewer).
    /// </summary>
    public static async Task<StatusListener> ConnectAsync(Uri hub, Cookie? session = null, bool messagePack = false, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(hub, options =>
        {
            if (session is not null)
            {
                options.Cookies.Add(session);
            }
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            // The server sends enums as camelCase words; the client must read them the same way.
            builder.AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        }

        configure?.Invoke(builder);
        var listener = new StatusListener(builder.Build());
        await listener.Connection.StartAsync();
        await listener.WaitForAsync(Snapshot, _ => true, TimeSpan.FromSeconds(10), "the snapshot sent on connect");
        return listener;
    }

    /// <summary>The first message of <paramref name="method"/> received at or after <paramref name="after"/> that satisfies <paramref name="matches"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedStatus> WaitForAsync(string method, Func<IReadOnlyList<ServiceStatus>, bool> matches, TimeSpan timeout, string what, long after = 0)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Received.FirstOrDefault(message => message.Method == method && message.At >= after && matches(message.Services)) is { } found)
            {
                return found;
            }

            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"No {method} with {what} within {timeout.TotalSeconds:0.#} s; received:\n{Describe()}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The change batches received at or after <paramref name="after"/> that carry <paramref name="service"/>, with its status in each.</summary>
    public IReadOnlyList<ServiceStatus> ChangesOf(string service, long after) =>
        [.. Received.Where(message => message.Method == StatusChanged && message.At >= after).SelectMany(message => message.Services).Where(status => status.Service == service)];

    public string Describe() => string.Join('\n', Received.Select(message =>
        $"  {message.Method} at {message.At}: {string.Join(", ", message.Services.Select(status => $"{status.Service}={status.State}/{status.LatencyMs}"))}"));

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Record(string method, List<ServiceStatus> services)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_received)
        {
            _received.Add(new ReceivedStatus(method, at, services));
        }
    }
}
