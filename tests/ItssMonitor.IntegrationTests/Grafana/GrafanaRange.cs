namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>The dashboard's time range and the interval Grafana picks for it (<c>$__interval</c>).</summary>
internal sealed record GrafanaRange(DateTimeOffset From, DateTimeOffset To, TimeSpan Interval);
