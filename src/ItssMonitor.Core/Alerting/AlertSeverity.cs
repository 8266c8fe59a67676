namespace ItssMonitor.Core.Alerting;

/// <summary>How urgently an alert needs a person; declared worst first, so ordering by it puts trouble on top.</summary>
public enum AlertSeverity
{
    /// <summary>Wake someone: users are hurt now or will be within hours.</summary>
    Critical,

    /// <summary>Needs attention within working hours (a ticket).</summary>
    Warning,

    /// <summary>Worth recording, not worth interrupting anyone for.</summary>
    Info,
}
