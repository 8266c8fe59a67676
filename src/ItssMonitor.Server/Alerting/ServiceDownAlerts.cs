using System.Globalization;
using System.Threading.Channels;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Status;
using ItssMonitor.Server.Status;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The live path's alert: a service whose rolled-up state is <see cref="ServiceState.Down"/> (its checks' failures
/// confirmed) raises <c>service-down</c>; up or degraded clears it. Stale or unknown says nothing either way (a node
/// that no longer hears from the service would wrongly resolve an outage another node sees), so they are ignored.
/// Changes come from the status feed through a bounded channel, so the sample pipeline never waits for the
/// database. A service taken out of the monitoring file is no longer down: its alert is cleared too.
/// </summary>
internal sealed partial class ServiceDownAlerts(
    StatusFeed feed,
    IMonitoringConfigurationSource configuration,
    IAlertSignals signals,
    ILogger<ServiceDownAlerts> logger) : BackgroundService
{
    public const string Rule = "service-down";

    private readonly Channel<Change> _changes = Channel.CreateBounded<Change>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    // What was last told to the engine per service (true: down); unknown services get told on their first change.
    private readonly Dictionary<string, bool> _told = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.SubscribeAnnounced(Enqueue);
        try
        {
            await Task.WhenAll(FollowRemovalsAsync(stoppingToken), TellAllAsync(stoppingToken));
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
        foreach (var status in changes.Where(status => status.State is ServiceState.Down or ServiceState.Degraded or ServiceState.Up))
        {
            Enqueue(new Change(status.Service, status.State == ServiceState.Down ? SignalFor(status) : null));
        }
    }

    private void Enqueue(Change change)
    {
        if (!_changes.Writer.TryWrite(change))
        {
            // Only when the database has been stuck for thousands of changes; the service's next change repairs it.
            LogDropped(change.Service);
        }
    }

    private async Task FollowRemovalsAsync(CancellationToken stoppingToken)
    {
        HashSet<string>? previous = null;
        await foreach (var version in configuration.WatchAsync(stoppingToken))
        {
            var current = version.Services.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var removed in previous?.Except(current) ?? [])
            {
                Enqueue(new Change(removed, Raise: null));
            }

            previous = current;
        }
    }

    private async Task TellAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
        {
            await TellAsync(change, stoppingToken);
        }
    }

    private async Task TellAsync(Change change, CancellationToken cancellationToken)
    {
        var down = change.Raise is not null;
        if (_told.TryGetValue(change.Service, out var wasDown) && wasDown == down)
        {
            return;
        }

        try
        {
            if (change.Raise is { } signal)
            {
                await signals.RaiseAsync(signal, cancellationToken);
            }
            else
            {
                await signals.ClearAsync(AlertFingerprint.For(Rule, change.Service), cancellationToken);
            }

            _told[change.Service] = down;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not remembered as told: the service's next change tries again.
            LogFailed(exception, change.Service);
        }
    }

    /// <summary>Raise <see cref="Raise"/> for the service, or (null) clear its alert.</summary>
    private sealed record Change(string Service, AlertSignal? Raise);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status change of {Service} dropped: the alert queue is full")]
    private partial void LogDropped(string service);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the service-down alert change of {Service}")]
    private partial void LogFailed(Exception exception, string service);
}
