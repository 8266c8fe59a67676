namespace ItssMonitor.Storage.Relational.Maintenance;

/// <summary>
/// A maintenance window an operator set at run time (table <c>maintenance_windows</c>), beside the monitoring file's
/// own. Ending one early sets <see cref="EndedAt"/> rather than deleting the row: the stretch it covered stays
/// maintenance in SLA evaluation and reports.
/// </summary>
public sealed class MaintenanceWindowRecord
{
    public long Id { get; set; }

    /// <summary>The services it covers, by exact name.</summary>
    public required List<string> Services { get; set; }

    public DateTimeOffset From { get; set; }

    /// <summary>When it was planned to end.</summary>
    public DateTimeOffset Until { get; set; }

    /// <summary>When an operator ended it early; null while it runs its course.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public required string Reason { get; set; }

    public required string StartedBy { get; set; }

    public string? EndedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it ends, ended early or not.</summary>
    public DateTimeOffset End => EndedAt is { } ended && ended < Until ? ended : Until;
}
