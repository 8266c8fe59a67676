namespace ItssMonitor.Core.Status;

/// <summary>A check's confirmed state changed at <see cref="At"/>; <see cref="Reason"/> is the last error, if any.</summary>
public sealed record CheckTransition(string Service, string Check, CheckState From, CheckState To, DateTimeOffset At, string? Reason);
