using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>The incidents opened in a time range: their alerts as they stand now and every event of each incident's timeline.</summary>
public sealed record IncidentHistory(IReadOnlyList<Alert> Alerts, IReadOnlyList<AlertEvent> Events);
