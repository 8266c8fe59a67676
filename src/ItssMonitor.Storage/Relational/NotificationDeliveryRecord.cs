namespace ItssMonitor.Storage.Relational;

/// <summary>
/// One notification to one channel, by its idempotency key: written when it is queued, counted on each attempt and
/// marked delivered after the channel took it, so a re-run of the job never sends it twice. Also the record of
/// which channels heard about an occurrence, so its "resolved" goes to the same ones.
/// </summary>
public sealed class NotificationDeliveryRecord
{
    public required string IdempotencyKey { get; init; }

    public required string Channel { get; init; }

    /// <summary>The alert's fingerprint id (16 hex digits).</summary>
    public required string AlertId { get; init; }

    public required int Occurrence { get; init; }

    /// <summary><c>firing</c>, <c>escalated</c> or <c>resolved</c>.</summary>
    public required string State { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int Attempts { get; set; }
}
