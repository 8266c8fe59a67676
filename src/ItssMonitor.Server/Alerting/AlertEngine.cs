using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Storage.Relational.Alerts;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// The one alert engine: signals from the live path and the jobs, acknowledgements and resolutions from people,
/// and the periodic review, each applied to the stored alerts it touches (<see cref="AlertStore"/>) and then
/// announced to every <see cref="IAlertListener"/>. Signals for a service in maintenance are dropped.
/// </summary>
public sealed partial class AlertEngine(
    AlertStore store,
    IOptions<AlertingOptions> options,
    MaintenanceSchedule maintenanceSchedule,
    IEnumerable<IAlertListener> listeners,
    TimeProvider time,
    ILogger<AlertEngine> logger) : IAlertSignals, IAlertReader
{
    private readonly AlertPolicy _policy = options.Value.ToPolicy();

    public async Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var now = Now();
        var maintenance = await maintenanceSchedule.GetAsync(cancellationToken);
        if (Silenced(maintenance, signal, now))
        {
            return;
        }

        await ApplyAsync(AlertSelection.OfIds([signal.Fingerprint.Id]), book => [book.Fire(signal, now)], cancellationToken);
    }

    public async Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var now = Now();
        await ApplyAsync(AlertSelection.OfIds([fingerprint.Id]), book => [book.Resolve(fingerprint, now)], cancellationToken);
    }

    public async Task ReportAsync(IReadOnlyCollection<string> rules, IReadOnlyList<AlertSignal> firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(firing);
        var now = Now();
        var maintenance = await maintenanceSchedule.GetAsync(cancellationToken);
        var raised = firing.Where(signal => !Silenced(maintenance, signal, now)).ToList();
        // A silenced problem is still there: its open alert (raised before the window) stays open rather than resolving.
        var stillThere = firing.Select(signal => signal.Fingerprint).ToHashSet();
        var owned = rules.ToHashSet(StringComparer.Ordinal);
        var loaded = owned.Union(firing.Select(signal => signal.Fingerprint.Rule)).ToList();
        await ApplyAsync(AlertSelection.OfRules(loaded), book =>
        {
            var outcomes = raised.Select(signal => book.Fire(signal, now)).ToList();
            var gone = book.Alerts
                .Where(alert => alert.State != AlertState.Resolved && owned.Contains(alert.Fingerprint.Rule) && !stillThere.Contains(alert.Fingerprint))
                .Select(alert => alert.Fingerprint)
                .ToList();
            outcomes.AddRange(gone.Select(fingerprint => book.Resolve(fingerprint, now)));
            return outcomes;
        }, cancellationToken);
    }

    public Task<Alert?> FindAsync(string alertId, CancellationToken cancellationToken) => store.FindAsync(alertId, cancellationToken);

    /// <summary>Someone has it. Null when there is no such alert; an outcome without events when it was already acknowledged or resolved.</summary>
    public Task<AlertOutcome?> AcknowledgeAsync(string alertId, string by, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ActAsync(alertId, note, (book, fingerprint, now) => book.Acknowledge(fingerprint, by, now), cancellationToken);
    }

    /// <summary>Someone says it is over. Null when there is no such alert; an outcome without events when it was already resolved.</summary>
    public Task<AlertOutcome?> ResolveAsync(string alertId, string by, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return ActAsync(alertId, note, (book, fingerprint, now) => book.Resolve(fingerprint, now, by), cancellationToken);
    }

    /// <summary>What time alone does to the open alerts: re-fire, flap damping (<see cref="AlertBook.Review"/>).</summary>
    public async Task ReviewAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await ApplyAsync(AlertSelection.Open, book => book.Review(now), cancellationToken);
    }

    private async Task<AlertOutcome?> ActAsync(string alertId, string? note, Func<AlertBook, AlertFingerprint, DateTimeOffset, AlertOutcome> act, CancellationToken cancellationToken)
    {
        var now = Now();
        AlertOutcome? result = null;
        await ApplyAsync(AlertSelection.OfIds([alertId]), book =>
        {
            // Set on every attempt: a retry after losing a race decides again on fresh rows.
            result = book.Alerts.FirstOrDefault() is { } alert ? act(book, alert.Fingerprint, now) : null;
            if (result is not null && !string.IsNullOrWhiteSpace(note))
            {
                result = result with { Events = [.. result.Events.Select(e => e with { Detail = note })] };
            }

            return result is null ? [] : [result];
        }, cancellationToken);
        return result;
    }

    private async Task ApplyAsync(AlertSelection selection, Func<AlertBook, IEnumerable<AlertOutcome>> change, CancellationToken cancellationToken)
    {
        var outcomes = await store.ChangeAsync(selection, _policy, change, cancellationToken);
        foreach (var outcome in outcomes)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    // Not the caller's token: the change is committed, and a caller that gave up (an HTTP client
                    // closing after its acknowledgement) must not keep it from the hub or cancel an escalation.
                    await listener.OnAlertChangedAsync(outcome, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    // The change is stored; one failing listener must not keep it from the others.
                    LogListenerFailed(exception, listener.GetType().Name, outcome.Alert?.Fingerprint.Id);
                }
            }
        }
    }

    private bool Silenced(Core.Sla.MaintenanceCalendar maintenance, AlertSignal signal, DateTimeOffset now)
    {
        if (!maintenance.IsInMaintenance(signal.Service, now))
        {
            return false;
        }

        LogSilenced(signal.Fingerprint.Value);
        return true;
    }

    // Whole milliseconds, as the store keeps times: a restored alert then equals the one the book made.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert listener {Listener} failed on a change of alert {AlertId}")]
    private partial void LogListenerFailed(Exception exception, string listener, string? alertId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {Fingerprint} not raised: its service is in maintenance")]
    private partial void LogSilenced(string fingerprint);
}
