using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// One incident (one occurrence of an alert) with its timeline, and the <see cref="Alert"/> it belongs to as it
/// stands now (so a page can offer to acknowledge it). Times come from the timeline. An earlier occurrence is
/// resolved by definition: the alert opened again after it.
/// </summary>
public sealed record IncidentView(
    AlertView Alert,
    int Occurrence,
    AlertState State,
    string? Summary,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<TimelineEntry> Timeline);
