using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Server.Access;
using ItssMonitor.Storage.Relational.Maintenance;

namespace ItssMonitor.Server.Maintenance;

/// <summary>
/// What people do with maintenance at run time, for the API and the service page alike: list the current and
/// upcoming windows of both sources, start an operator window (checked, audited) and end one early (audited).
/// </summary>
internal sealed class MaintenanceWindows(IMonitoringConfigurationSource configuration, OperatorMaintenanceStore store, IAuditLog audit, TimeProvider time)
{
    /// <summary>The longest window an operator may set; longer planned work belongs in the monitoring file.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    // A start a little in the past is a clock's or a form's delay, not an attempt to rewrite measured history.
    private static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(1);

    /// <summary>How far ahead the file's windows are listed.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    public const int MaxReasonLength = 500;

    /// <summary>Windows open now or opening within a week, earliest first.</summary>
    public async Task<IReadOnlyList<MaintenanceWindowView>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var file = (await configuration.GetAsync(cancellationToken)).Maintenance.Windows
            .Select(window => NextStretch(window, now) is { } stretch
                ? new MaintenanceWindowView(null, MaintenanceWindowView.FileSource, window.Name, window.Services, stretch.From, stretch.To, null)
                : null)
            .OfType<MaintenanceWindowView>();
        var operators = (await store.WindowsAsync(cancellationToken)).Where(window => window.End > now).Select(MaintenanceWindowView.Of);
        return [.. file.Concat(operators).OrderBy(window => window.From).ThenBy(window => window.Name, StringComparer.Ordinal)];
    }

    /// <summary>Starts a window after checking the request; the problems found, by field, when it is not acceptable.</summary>
    public async Task<(MaintenanceWindowView? Window, IReadOnlyDictionary<string, string[]> Problems)> StartAsync(MaintenanceRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var problems = new Dictionary<string, string[]>();
        var monitored = await configuration.GetAsync(cancellationToken);
        var services = request.Services?.Select(service => service?.Trim() ?? "").ToArray() ?? [];
        if (services.Length == 0)
        {
            problems["services"] = ["Name at least one service, e.g. \"services\": [\"Ledger\"]."];
        }
        else if (services.FirstOrDefault(service => monitored.FindService(service) is null) is { } unknown)
        {
            problems["services"] = [$"'{unknown}' is not a monitored service; names are exact."];
        }

        var from = request.From ?? now;
        if (from < now - StartTolerance)
        {
            problems["from"] = [$"'from' ({from:O}) is in the past; maintenance cannot be set after the fact."];
        }

        if (request.Until is not { } until)
        {
            problems["until"] = ["'until' is required: when the maintenance ends, e.g. \"until\": \"2026-10-20T03:00:00Z\"."];
        }
        else if (until <= from)
        {
            problems["until"] = [$"'until' ({until:O}) must be after 'from' ({from:O})."];
        }
        else if (until - from > MaxLength)
        {
            problems["until"] = [$"The window lasts {(until - from).TotalHours:0.#} h; at most {MaxLength.TotalDays:0} days. Longer planned work belongs in the monitoring file."];
        }

        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            problems["reason"] = ["'reason' is required: it names the window on the board and in the audit log."];
        }
        else if (reason.Length > MaxReasonLength)
        {
            problems["reason"] = [$"'reason' is {reason.Length} characters long; at most {MaxReasonLength}."];
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var window = await store.StartAsync([.. services.Distinct(StringComparer.Ordinal)], from, request.Until!.Value, reason, actor, cancellationToken);
        await audit.RecordAsync(actor, "maintenance.start", string.Join(", ", window.Services), Describe(window), cancellationToken);
        return (MaintenanceWindowView.Of(window), problems);
    }

    /// <summary>Ends an operator window now; null when there is no such window, and Ended false when it was over already.</summary>
    public async Task<(MaintenanceWindowView Window, bool Ended)?> EndAsync(long id, string actor, CancellationToken cancellationToken)
    {
        if (await store.EndAsync(id, actor, cancellationToken) is not { } result)
        {
            return null;
        }

        if (result.Ended)
        {
            await audit.RecordAsync(actor, "maintenance.end", string.Join(", ", result.Window.Services), Describe(result.Window), cancellationToken);
        }

        return (MaintenanceWindowView.Of(result.Window), result.Ended);
    }

    private static string Describe(MaintenanceWindowRecord window) =>
        $"window {window.Id} from {window.From:O} until {window.End:O}: {window.Reason}";

    private static TimeWindow? NextStretch(MaintenanceWindow window, DateTimeOffset now) => window switch
    {
        FixedMaintenanceWindow fixedWindow => fixedWindow.Period.To > now && fixedWindow.Period.From < now + Horizon ? fixedWindow.Period : null,
        // An occurrence still open now began at most one duration ago.
        RecurringMaintenanceWindow recurring => recurring.Overlapping(new TimeWindow(now - recurring.Duration, now + Horizon)).FirstOrDefault(stretch => stretch.To > now),
        _ => null,
    };
}
