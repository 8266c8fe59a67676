using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Core.Notifications;

/// <summary>
/// Which alerts go where: alerts of services of <see cref="Team"/> (<c>"*"</c> for every team) with one of
/// <see cref="Severities"/> go to <see cref="Channels"/>; when nobody acknowledges within
/// <see cref="EscalateAfter"/>, also to <see cref="EscalateTo"/>.
/// </summary>
public sealed record NotificationRoute(
    string Team,
    IReadOnlyList<AlertSeverity> Severities,
    IReadOnlyList<string> Channels,
    TimeSpan? EscalateAfter = null,
    IReadOnlyList<string>? EscalateTo = null)
{
    /// <summary>The team name that matches every team.</summary>
    public const string EveryTeam = "*";

    public bool Matches(string team, AlertSeverity severity) =>
        (Team == EveryTeam || string.Equals(Team, team, StringComparison.Ordinal)) && Severities.Contains(severity);
}
