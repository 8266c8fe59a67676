namespace ItssMonitor.Server.Alerting;

/// <summary>Which alerts or incidents to list by state; <see cref="Open"/> is firing and acknowledged together.</summary>
public enum AlertStateFilter
{
    Open,
    Firing,
    Acknowledged,
    Resolved,
    /// <summary>Every state (incidents only: the report's default).</summary>
    Any,
}
