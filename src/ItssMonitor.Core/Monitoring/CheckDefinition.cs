namespace ItssMonitor.Core.Monitoring;

/// <summary>One check of a service: what to probe, how often, and what counts as up.</summary>
public sealed record CheckDefinition(
    string Name,
    string Kind,
    TimeSpan Interval,
    TimeSpan Timeout,
    Uri? Url = null,
    int? ExpectedStatus = null);
