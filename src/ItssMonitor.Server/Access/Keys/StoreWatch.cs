namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// Runs a pass over the credentials of one kind in the shared store every <see cref="Interval"/>, and at once when
/// this node created or revoked one. Reading the store, not a flag in memory, is what makes other nodes' changes count.
/// </summary>
internal abstract partial class StoreWatch : BackgroundService
{
    // Never disposed: a request revoking a credential may still wake it while the host stops (it has no wait handle to free).
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    protected StoreWatch(CredentialStore store, CredentialKind kind, TimeProvider time, ILogger logger)
    {
        Store = store;
        _time = time;
        _logger = logger;
        store.Changed += changed =>
        {
            if (changed == kind)
            {
                Wake();
            }
        };
    }

    protected CredentialStore Store { get; }

    protected abstract TimeSpan Interval { get; }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake is pending already; one pass serves both.
        }
    }

    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The store may be down for a while; what was read last stays in force until a pass succeeds.
                LogPassFailed(_logger, GetType().Name, exception);
            }

            using var interval = new CancellationTokenSource(Interval, _time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, stoppingToken);
            try
            {
                await _wake.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval is up.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Watch} could not read the access credentials")]
    private static partial void LogPassFailed(ILogger logger, string watch, Exception exception);
}
