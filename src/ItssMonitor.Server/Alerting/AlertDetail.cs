namespace ItssMonitor.Server.Alerting;

/// <summary>One alert with the timeline of its current occurrence (<c>GET /api/v1/alerts/{id}</c>).</summary>
public sealed record AlertDetail(AlertView Alert, IReadOnlyList<TimelineEntry> Timeline);
