using System.Globalization;
using ItssMonitor.Core.Sla;
using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Pages.Shared;

/// <summary>
/// How the pages word and colour states and format figures, in one place so every page says it the same
/// way: a word, an icon and a colour for each state (never colour alone), units on every number, UTC times.
/// </summary>
internal static class StatusText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Word(ServiceState state) => state switch
    {
        ServiceState.Down => "Down",
        ServiceState.Degraded => "Degraded",
        ServiceState.Stale => "Stale",
        ServiceState.Unknown => "Unknown",
        ServiceState.Maintenance => "Maintenance",
        _ => "Up",
    };

    public static string Word(CheckState state) => Word(Like(state));

    public static string Word(SlaVerdict verdict) => verdict switch
    {
        SlaVerdict.Met => "Met",
        SlaVerdict.Breached => "Breached",
        SlaVerdict.NoData => "No data",
        _ => "No SLA",
    };

    /// <summary>The CSS modifier that colours a state: state-down, state-degraded…</summary>
    public static string Css(ServiceState state) => "state-" + Word(state).ToLowerInvariant();

    public static string Css(CheckState state) => Css(Like(state));

    public static string Css(SlaVerdict verdict) => verdict switch
    {
        SlaVerdict.Met => "state-up",
        SlaVerdict.Breached => "state-down",
        _ => "state-unknown",
    };

    /// <summary>A Material Symbols icon name, so the state reads without colour too.</summary>
    public static string Icon(ServiceState state) => state switch
    {
        ServiceState.Down => "cancel",
        ServiceState.Degraded => "warning",
        ServiceState.Stale => "schedule",
        ServiceState.Unknown => "help",
        ServiceState.Maintenance => "build",
        _ => "check_circle",
    };

    public static string Icon(CheckState state) => Icon(Like(state));

    public static string Icon(SlaVerdict verdict) => verdict switch
    {
        SlaVerdict.Met => "verified",
        SlaVerdict.Breached => "gpp_bad",
        _ => "remove",
    };

    /// <summary>The service state a check state looks like: a check is shown with the same word, icon and colour.</summary>
    private static ServiceState Like(CheckState state) => state switch
    {
        CheckState.Down => ServiceState.Down,
        CheckState.Stale => ServiceState.Stale,
        CheckState.Unknown => ServiceState.Unknown,
        _ => ServiceState.Up,
    };

    public static string Latency(double? milliseconds) => milliseconds switch
    {
        null => "—",
        < 10 => milliseconds.Value.ToString("0.0", Culture) + " ms",
        < 10_000 => milliseconds.Value.ToString("#,0", Culture) + " ms",
        _ => (milliseconds.Value / 1000).ToString("#,0.0", Culture) + " s",
    };

    /// <summary>A fraction (0..1) as a percentage with enough decimals to tell 99.9 % from 99.99 %.</summary>
    public static string Percent(double? fraction) => fraction switch
    {
        null => "—",
        >= 1 => "100 %",
        // Rounded down: 99.996 % must not read as 100 % while something failed.
        >= 0.99 => (Math.Floor(fraction.Value * 10_000) / 100).ToString("0.00", Culture) + " %",
        _ => (Math.Floor(fraction.Value * 1_000) / 10).ToString("0.0", Culture) + " %",
    };

    /// <summary>A target given in percent (99.9) as written in the monitoring file.</summary>
    public static string Target(double percent) => percent.ToString("0.###", Culture) + " %";

    /// <summary>Time of day in UTC, with the date when it is not today (UTC).</summary>
    public static string Time(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date
            ? at.UtcDateTime.ToString("HH:mm:ss", Culture)
            : at.UtcDateTime.ToString("d MMM HH:mm", Culture);

    public static string Time(DateTimeOffset? at, DateTimeOffset now) => at is { } value ? Time(value, now) : "never";

    /// <summary>Full timestamp for a tooltip.</summary>
    public static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("#,0", Culture);
}
