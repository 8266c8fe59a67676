namespace ItssMonitor.Core.Sla;

/// <summary>A burn-rate rule that fired, with the evidence: the burn rate measured over each of its windows.</summary>
public sealed record BurnRateFiring(BurnRateRule Rule, double LongWindowRate, double ShortWindowRate)
{
    /// <summary>One line for a notification, e.g. <c>burn rate 166.7× over 1h and 166.7× over 5m (threshold 14.4×)</c>.</summary>
    public string Summary =>
        FormattableString.Invariant($"burn rate {LongWindowRate:0.#}× over {WindowText(Rule.LongWindow)} and {ShortWindowRate:0.#}× over {WindowText(Rule.ShortWindow)} (threshold {Rule.Threshold:0.#}×)");

    /// <summary>A window as the summaries name it: "5m", "1h", "3d".</summary>
    public static string WindowText(TimeSpan window) => window switch
    {
        _ when window.Ticks % TimeSpan.TicksPerDay == 0 => $"{window.TotalDays:0}d",
        _ when window.Ticks % TimeSpan.TicksPerHour == 0 => $"{window.TotalHours:0}h",
        _ when window.Ticks % TimeSpan.TicksPerMinute == 0 => $"{window.TotalMinutes:0}m",
        _ => $"{window.TotalSeconds:0}s",
    };
}
