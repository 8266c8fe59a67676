using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Status;

/// <summary>
/// The broadcaster's coalesced batches of changed services, handed in process to the Blazor pages of this
/// node (no SignalR client inside the server). A batch is announced (this node's own changes, which it also sends to
/// hub clients and raises alerts for) or relayed (changes other nodes' samples made to this node's board, which only
/// pages want). Subscribers are called on the broadcaster's thread, so they must only hand the batch over (a
/// component's <c>InvokeAsync</c>) and return.
/// </summary>
public sealed partial class StatusFeed(ILogger<StatusFeed> logger)
{
    private readonly Lock _lock = new();
    private Subscriber[] _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> with every batch from now on, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<ServiceStatus>> subscriber) => Add(new Subscriber(subscriber, AnnouncedOnly: false));

    /// <summary>As <see cref="Subscribe"/>, but only with this node's announced batches (for what must happen once across nodes).</summary>
    public IDisposable SubscribeAnnounced(Action<IReadOnlyList<ServiceStatus>> subscriber) => Add(new Subscriber(subscriber, AnnouncedOnly: true));

    public void Publish(IReadOnlyList<ServiceStatus> changes, bool announced)
    {
        // Copy-on-write array: publishing never takes the lock, and a page that subscribes meanwhile gets the next batch.
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (subscriber.AnnouncedOnly && !announced)
            {
                continue;
            }

            try
            {
                subscriber.Take(changes);
            }
            catch (Exception exception)
            {
                // One broken page must not stop the others (or the hub) from getting the batch.
                LogSubscriberFailed(exception);
            }
        }
    }

    private Subscription Add(Subscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(existing => !ReferenceEquals(existing, subscriber))];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page subscribed to live status failed to take a batch")]
    private partial void LogSubscriberFailed(Exception exception);

    private sealed record Subscriber(Action<IReadOnlyList<ServiceStatus>> Take, bool AnnouncedOnly);

    private sealed class Subscription(StatusFeed feed, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Unsubscribe(subscriber);
            }
        }
    }
}
