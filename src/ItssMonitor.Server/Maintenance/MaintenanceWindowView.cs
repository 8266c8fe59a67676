using ItssMonitor.Core.Sla;
using ItssMonitor.Storage.Relational.Maintenance;

namespace ItssMonitor.Server.Maintenance;

/// <summary>
/// A maintenance window as the API and the service page show it. <see cref="Source"/> is <c>file</c> for the
/// monitoring file's windows (no id: they change with the file) or <c>operator</c> for those set at run time.
/// </summary>
internal sealed record MaintenanceWindowView(long? Id, string Source, string Name, IReadOnlyList<string> Services, DateTimeOffset From, DateTimeOffset Until, string? StartedBy)
{
    public const string FileSource = "file";
    public const string OperatorSource = "operator";

    public bool AppliesTo(string service) => Services.Any(name => name == MaintenanceWindow.EveryService || name == service);

    public static MaintenanceWindowView Of(MaintenanceWindowRecord window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new(window.Id, OperatorSource, window.Reason, window.Services, window.From, window.End, window.StartedBy);
    }
}
