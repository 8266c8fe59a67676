using ItssMonitor.Core.Reports;
using ItssMonitor.Server.Reports;

namespace ItssMonitor.Server.Pages.Reports;

/// <summary>
/// How <c>/reports</c> words and colours report figures: the digits come from <see cref="ReportFormat"/>, as in the
/// CSV and the PDF, so the page and a download show the same numbers; an absent figure is a dash.
/// </summary>
public static class ReportText
{
    public static string Percent(double? percent) => percent is null ? "–" : ReportFormat.Percent(percent) + " %";

    public static string Duration(double? seconds) => seconds is null ? "–" : ReportFormat.MinutesAndSeconds(seconds);

    public static string Latency(double? milliseconds) => milliseconds is null ? "–" : ReportFormat.Number(milliseconds) + " ms";

    public static string Word(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "Met",
        SlaOutcome.Breached => "Breached",
        SlaOutcome.NoTarget => "No target",
        _ => "No data",
    };

    /// <summary>The state colour an outcome borrows: met is up's green, breached is down's red, the rest unknown's grey.</summary>
    public static string Css(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "state-up",
        SlaOutcome.Breached => "state-down",
        _ => "state-unknown",
    };

    public static string Icon(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "check_circle",
        SlaOutcome.Breached => "cancel",
        _ => "help_outline",
    };
}
