using System.Text.Json;
using System.Threading.Channels;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;
using StackExchange.Redis;

namespace ItssMonitor.Server.Cluster;

/// <summary>
/// Shares check samples between the nodes of a cluster over Redis pub/sub (when <c>SignalR:Redis</c> is set), so
/// every node's status board shows every check, whichever node probed or ingested it. The sample pipeline hands each
/// sample to <see cref="Publish"/>; samples from other nodes go to the board only, through
/// <see cref="StatusBoard.ObserveRelayed"/>: their origin has stored them, broadcast them to every hub client through
/// the SignalR backplane and raised their alerts. Samples leave in batches from a bounded queue, so ingest and
/// probing never wait for Redis; while Redis is down they are dropped (the boards catch up with the next samples).
/// </summary>
internal sealed partial class SampleRelay(string redis, ClusterMembership membership, StatusBoard board, ILogger<SampleRelay> logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    private static readonly RedisChannel Channel = RedisChannel.Literal("itssmonitor:samples");

    private readonly Channel<CheckSample> _outgoing = System.Threading.Channels.Channel.CreateBounded<CheckSample>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private ConnectionMultiplexer? _connection;
    private bool _publishFailing;

    /// <summary>Queues a sample this node took or ingested for the other nodes; never waits.</summary>
    public void Publish(CheckSample sample) => _outgoing.Writer.TryWrite(sample);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(redis);
        // Start and keep running without Redis: it reconnects in the background, and publishing fails fast meanwhile
        // instead of piling samples up in a backlog.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connection.ConnectionFailed += (_, failure) => LogConnectionFailed(failure.Exception, failure.FailureType);
        _connection.ConnectionRestored += (_, _) => LogConnectionRestored();
        try
        {
            await _connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => Apply(message));
        }
        catch (RedisException exception)
        {
            // The subscription stays registered: the multiplexer makes it again when it connects.
            LogConnectionFailed(exception, ConnectionFailureType.UnableToConnect);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_connection is not null)
        {
            await _connection.CloseAsync();
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = _connection!.GetSubscriber();
        var batch = new List<CheckSample>(MaxBatch);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _outgoing.Reader.TryRead(out var sample))
                {
                    batch.Add(sample);
                }

                await PublishAsync(subscriber, batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PublishAsync(ISubscriber subscriber, List<CheckSample> batch)
    {
        try
        {
            await subscriber.PublishAsync(Channel, JsonSerializer.SerializeToUtf8Bytes(new Relayed(membership.NodeId, batch)));
            if (_publishFailing)
            {
                _publishFailing = false;
                LogPublishing();
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            if (!_publishFailing)
            {
                _publishFailing = true;
                LogPublishFailed(exception);
            }
        }
    }

    private void Apply(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<Relayed>((byte[])message!);
            if (relayed is null || relayed.Node == membership.NodeId)
            {
                return;
            }

            board.ObserveRelayed(relayed.Samples);
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
        }
    }

    /// <summary>One batch on the channel: the node it comes from, and its samples.</summary>
    private sealed record Relayed(string Node, List<CheckSample> Samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection for sharing samples between nodes failed ({FailureType}); reconnecting. Meanwhile other nodes' boards miss this node's samples")]
    private partial void LogConnectionFailed(Exception? exception, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection for sharing samples between nodes restored")]
    private partial void LogConnectionRestored();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Samples could not be shared with the other nodes through Redis; dropping them until it answers")]
    private partial void LogPublishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sharing samples with the other nodes through Redis again")]
    private partial void LogPublishing();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sample batch from another node could not be read (a node of another version?); ignored")]
    private partial void LogUnreadable(Exception exception);
}
