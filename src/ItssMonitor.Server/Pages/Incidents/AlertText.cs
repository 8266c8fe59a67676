using System.Globalization;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.Server.Pages.Incidents;

/// <summary>How the incidents page words alerts: severities, states, ages, timeline lines and the MTTA/MTTR summary.</summary>
internal static class AlertText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Word(AlertSeverity severity) => severity.ToString();

    public static string Css(AlertSeverity severity) => "severity-" + severity.ToString().ToLowerInvariant();

    public static string Icon(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "error",
        AlertSeverity.Warning => "warning",
        _ => "info",
    };

    public static string Word(AlertState state) => state.ToString();

    /// <summary>The rule, with the check when the alert is about one (<c>cert-expiry · tls</c>).</summary>
    public static string Rule(AlertView alert) => alert.Check is { } check ? $"{alert.Rule} · {check}" : alert.Rule;

    /// <summary>A length of time as a person says it on call: <c>45 s</c>, <c>12 min</c>, <c>3 h 5 min</c>, <c>2 d 4 h</c>.</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 120 ? $"{(int)span.TotalSeconds} s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
            : span.TotalHours < 24 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    public static string Seconds(double? seconds) => seconds is { } value ? Span(TimeSpan.FromSeconds(value)) : "—";

    /// <summary>One timeline line: what happened and who did it (<c>acknowledged by alice</c>, <c>resolved (cleared)</c>).</summary>
    public static string Line(TimelineEntry entry) => entry.Kind switch
    {
        AlertEventKind.Opened => "opened",
        AlertEventKind.Notified => "notified",
        AlertEventKind.Refired => "notified again (still firing)",
        AlertEventKind.Acknowledged => $"acknowledged by {entry.Actor ?? "someone"}",
        AlertEventKind.Resolved => entry.Actor is { } actor ? $"resolved by {actor}" : "resolved (cleared)",
        AlertEventKind.Flapping => "flapping: notifications damped",
        AlertEventKind.FlappingStopped => "stopped flapping",
        _ => entry.Kind.ToString(),
    };

    /// <summary>The report's figures in one sentence: how many, and how fast they were acknowledged and resolved.</summary>
    public static string Summary(IncidentSummary summary) => string.Create(Culture,
        $"{summary.Count} {(summary.Count == 1 ? "incident" : "incidents")} · {summary.Acknowledged} acknowledged, MTTA {Seconds(summary.MttaSeconds)} · {summary.Resolved} resolved, MTTR {Seconds(summary.MttrSeconds)}");
}
