namespace ItssMonitor.Server.Maintenance;

/// <summary>The body of <c>POST /api/v1/maintenance</c>: which services, from when (now when left out) until when, and why.</summary>
internal sealed record MaintenanceRequest(IReadOnlyList<string>? Services, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
