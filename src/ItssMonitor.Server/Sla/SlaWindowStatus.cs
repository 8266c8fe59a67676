namespace ItssMonitor.Server.Sla;

/// <summary>One window of <c>GET /api/v1/sla</c>: availability in percent and burn rate, null without samples.</summary>
public sealed record SlaWindowStatus(string Window, long Samples, double? AvailabilityPercent, double? BurnRate);
