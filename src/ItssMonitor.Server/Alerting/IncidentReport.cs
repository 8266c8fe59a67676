namespace ItssMonitor.Server.Alerting;

/// <summary>The incidents opened in [<see cref="From"/>, <see cref="To"/>), newest first, with their MTTA and MTTR (<c>GET /api/v1/incidents</c>).</summary>
public sealed record IncidentReport(DateTimeOffset From, DateTimeOffset To, IncidentSummary Summary, IReadOnlyList<IncidentView> Incidents);
