namespace ItssMonitor.Core.Monitoring;

/// <summary>A service's objectives: availability in percent (99.9) and, optionally, the 95th percentile latency.</summary>
public sealed record ServiceSla(double Availability, double? LatencyP95Ms = null);
