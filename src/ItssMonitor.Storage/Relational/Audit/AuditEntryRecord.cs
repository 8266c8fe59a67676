namespace ItssMonitor.Storage.Relational.Audit;

/// <summary>
/// One state change in the audit log (table <c>audit_log</c>): who did what to which thing, and when.
/// Rows are only ever added; the log is the record admins read back.
/// </summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or a description of a non-user actor ("setup", "configuration").</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, as a dotted verb: <c>alert.acknowledge</c>, <c>user.create</c>, <c>api-key.revoke</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: an alert id, a user name, a key's name.</summary>
    public required string Target { get; set; }

    /// <summary>Anything else worth keeping (a note, the new role); never a secret.</summary>
    public string? Detail { get; set; }
}
