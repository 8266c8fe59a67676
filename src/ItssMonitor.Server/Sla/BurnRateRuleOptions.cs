using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Sla;

/// <summary>One entry of <c>Sla:BurnRateRules</c>: <c>{ "Name": "page-1h", "Threshold": 14.4, "LongWindow": "01:00:00", "ShortWindow": "00:05:00", "Severity": "Critical" }</c>.</summary>
public sealed class BurnRateRuleOptions
{
    public string Name { get; set; } = "";

    public double Threshold { get; set; }

    public TimeSpan LongWindow { get; set; }

    public TimeSpan ShortWindow { get; set; }

    public AlertSeverity Severity { get; set; } = AlertSeverity.Critical;
}
