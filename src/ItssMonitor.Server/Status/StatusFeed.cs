using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Status;

/// <summary>
/// The broadcaster's coalesced batches of changed services, handed in process to the Blazor pages of this
/// node (no SignalR client inside the server). Subscribers are called on the broadcaster's thread, so they
/// must only hand the batch over (a component's <c>InvokeAsync</c>) and return.
/// </summary>
public sealed partial class StatusFeed(ILogger<StatusFeed> logger)
{
    private readonly Lock _lock = new();
    private Action<IReadOnlyList<ServiceStatus>>[] _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> with every batch from now on, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<ServiceStatus>> subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public void Publish(IReadOnlyList<ServiceStatus> changes)
    {
        // Copy-on-write array: publishing never takes the lock, and a page that subscribes meanwhile gets the next batch.
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(changes);
            }
            catch (Exception exception)
            {
                // One broken page must not stop the others (or the hub) from getting the batch.
                LogSubscriberFailed(exception);
            }
        }
    }

    private void Unsubscribe(Action<IReadOnlyList<ServiceStatus>> subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(existing => existing != subscriber)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page subscribed to live status failed to take a batch")]
    private partial void LogSubscriberFailed(Exception exception);

    private sealed class Subscription(StatusFeed feed, Action<IReadOnlyList<ServiceStatus>> subscriber) : IDisposable
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
