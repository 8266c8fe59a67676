namespace ItssMonitor.Core.Sla;

/// <summary>One rolling window of an SLA evaluation: what it held, availability (0 to 1) and burn rate; null without samples.</summary>
public sealed record SlaWindowResult(TimeSpan Window, WindowCounts Counts, double? Availability, double? BurnRate);
