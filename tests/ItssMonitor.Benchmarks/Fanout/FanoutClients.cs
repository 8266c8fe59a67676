using Microsoft.AspNetCore.SignalR.Client;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// N real .NET SignalR clients (JSON) of one hub, in this process. Each records, for every service update it receives
/// while <see cref="Recording"/> is on, the time from the update's send time to its arrival (same machine, same clock).
/// </summary>
internal sealed class FanoutClients : IAsyncDisposable
{
    public const string Method = "StatusChanged";

    private const int ConnectingAtOnce = 20;

    private readonly List<HubConnection> _connections = [];
    private long _received;
    private bool _recording;

    public LatencyHistogram Latencies { get; } = new();

    public bool Recording
    {
        get => Volatile.Read(ref _recording);
        set => Volatile.Write(ref _recording, value);
    }

    /// <summary>Updates received while recording, by all clients together.</summary>
    public long Received => Interlocked.Read(ref _received);

    public int Disconnected => _connections.Count(connection => connection.State != HubConnectionState.Connected);

    public static async Task<FanoutClients> ConnectAsync(Uri hub, int count, CancellationToken cancellationToken)
    {
        var clients = new FanoutClients();
        using var connecting = new SemaphoreSlim(ConnectingAtOnce);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await connecting.WaitAsync(cancellationToken);
            try
            {
                var connection = new HubConnectionBuilder().WithUrl(hub).Build();
                connection.On<List<ReceivedUpdate>>(Method, clients.Record);
                await connection.StartAsync(cancellationToken);
                lock (clients._connections)
                {
                    clients._connections.Add(connection);
                }
            }
            finally
            {
                connecting.Release();
            }
        }));
        return clients;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(connection => connection.DisposeAsync().AsTask()));
    }

    private void Record(List<ReceivedUpdate> updates)
    {
        if (!Recording)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var update in updates)
        {
            Latencies.Record((now - update.UpdatedAt).TotalMilliseconds);
        }

        Interlocked.Add(ref _received, updates.Count);
    }
}
