using System.Globalization;
using System.Threading.Channels;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Status;
using ItssMonitor.Server.Status;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The live path's alert: a service whose rolled-up state is <see cref="ServiceState.Down"/> (its checks' failures
/// confirmed) raises <c>service-down</c>; leaving down clears it. Changes come from the status feed through a bounded
/// channel, so the sample pipeline never waits for the database.
/// </summary>
internal sealed partial class ServiceDownAlerts(StatusFeed feed, IAlertSignals signals, ILogger<ServiceDownAlerts> logger) : BackgroundService
{
    public const string Rule = "service-down";

    private readonly Channel<ServiceStatus> _changes = Channel.CreateBounded<ServiceStatus>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    // What was last told to the engine per service (true: down); unknown services get told on their first change.
    private readonly Dictionary<string, bool> _told = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(Enqueue);
        try
        {
            await foreach (var status in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                await TellAsync(status, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public static AlertSignal SignalFor(ServiceStatus status)
    {
        var failing = status.Checks.Where(check => check.State == CheckState.Down).ToList();
        var summary = $"{status.Service} is down: " + string.Join("; ", failing.Select(check => $"{check.Check} {check.Error ?? "failing"}"));
        var evidence = failing.ToDictionary(check => $"check {check.Check}", check => check.Error ?? "failing");
        evidence["since"] = status.Since.ToString("O", CultureInfo.InvariantCulture);
        return new AlertSignal(AlertFingerprint.For(Rule, status.Service), status.Service, AlertSeverity.Critical, summary, evidence);
    }

    private void Enqueue(IReadOnlyList<ServiceStatus> changes)
    {
        foreach (var status in changes.Where(status => status.State != ServiceState.Unknown))
        {
            if (!_changes.Writer.TryWrite(status))
            {
                // Only when the database has been stuck for thousands of changes; the service's next change repairs it.
                LogDropped(status.Service);
            }
        }
    }

    private async Task TellAsync(ServiceStatus status, CancellationToken cancellationToken)
    {
        var down = status.State == ServiceState.Down;
        if (_told.TryGetValue(status.Service, out var wasDown) && wasDown == down)
        {
            return;
        }

        try
        {
            if (down)
            {
                await signals.RaiseAsync(SignalFor(status), cancellationToken);
            }
            else
            {
                await signals.ClearAsync(AlertFingerprint.For(Rule, status.Service), cancellationToken);
            }

            _told[status.Service] = down;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not remembered as told: the service's next change tries again.
            LogFailed(exception, status.Service);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status change of {Service} dropped: the alert queue is full")]
    private partial void LogDropped(string service);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the service-down alert change of {Service}")]
    private partial void LogFailed(Exception exception, string service);
}
