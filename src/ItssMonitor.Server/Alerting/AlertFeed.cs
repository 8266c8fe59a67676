namespace ItssMonitor.Server.Alerting;

/// <summary>
/// Every stored alert change, handed in process to the Blazor pages of this node (the incidents page, the nav's
/// count). It is an <see cref="IAlertListener"/>, so it sees exactly what the hub pushes to walls. Subscribers are
/// called on the engine's thread: they must only hand the alert over (a component's <c>InvokeAsync</c>) and return.
/// </summary>
public sealed partial class AlertFeed(ILogger<AlertFeed> logger) : IAlertListener
{
    private readonly Lock _lock = new();
    private Action<AlertView>[] _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> with every changed alert from now on, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<AlertView> subscriber)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(existing => existing != subscriber)];
            }
        });
    }

    public Task OnAlertChangedAsync(Core.Alerting.AlertOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Alert is not { } alert)
        {
            return Task.CompletedTask;
        }

        var view = AlertView.From(alert);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(view);
            }
            catch (Exception exception)
            {
                // One broken page must not keep the change from the others.
                LogSubscriberFailed(exception, view.Id);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page subscribed to alert changes failed to take alert {AlertId}")]
    private partial void LogSubscriberFailed(Exception exception, string alertId);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
