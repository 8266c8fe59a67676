namespace ItssMonitor.Storage.Relational;

/// <summary>
/// A Hangfire job scheduled to escalate an occurrence of an alert, kept so an acknowledgement or resolution can
/// delete it before it runs (the job still checks the alert when it runs, in case the deletion raced it).
/// </summary>
public sealed class ScheduledEscalation
{
    /// <summary>Hangfire's id of the scheduled job.</summary>
    public required string JobId { get; init; }

    public required string AlertId { get; init; }

    public required int Occurrence { get; init; }

    public required DateTimeOffset DueAt { get; init; }
}
