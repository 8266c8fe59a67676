using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Status;

/// <summary>
/// The SignalR groups a service's changes go to: everything, its team, each of its tags, and each team+tag
/// pair. A connection is in exactly one of them (its filter), so it gets each change once, on any node
/// of a scaled-out deployment, through the backplane.
/// </summary>
internal static class StatusGroups
{
    public const string All = "all";

    public static string For(string? team, string? tag) => (team, tag) switch
    {
        ({ Length: > 0 }, { Length: > 0 }) => $"team:{team}|tag:{tag}",
        ({ Length: > 0 }, _) => $"team:{team}",
        (_, { Length: > 0 }) => $"tag:{tag}",
        _ => All,
    };

    public static IEnumerable<string> Of(ServiceStatus service)
    {
        // A service without a team is only in the groups without one: For("", …) names those, and would repeat them.
        var hasTeam = service.Team.Length > 0;
        yield return All;
        if (hasTeam)
        {
            yield return For(service.Team, null);
        }

        foreach (var tag in service.Tags)
        {
            yield return For(null, tag);
            if (hasTeam)
            {
                yield return For(service.Team, tag);
            }
        }
    }

    public static bool Matches(ServiceStatus service, string? team, string? tag) =>
        (string.IsNullOrEmpty(team) || service.Team == team) && (string.IsNullOrEmpty(tag) || service.Tags.Contains(tag));
}
