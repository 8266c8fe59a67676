using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Reads the monitoring file's <c>notifications:</c> section: the channels, then the routes that refer to them.</summary>
internal static class NotificationsReader
{
    private const string Section = "notifications";

    private static readonly string[] SectionKeys = ["channels", "routes"];
    private static readonly string[] RouteKeys = ["team", "severity", "channels", "escalateAfter", "escalateTo"];
    private static readonly AlertSeverity[] Severities = Enum.GetValues<AlertSeverity>();
    private static readonly string[] SeverityWords = [.. Severities.Select(severity => severity.ToString().ToLowerInvariant())];

    /// <param name="root">The file's top-level mapping.</param>
    /// <param name="teams">The teams of the services the file declares; empty when it declares none (already an error).</param>
    public static NotificationPlan Read(MappingFields root, IReadOnlyCollection<string> teams, ParseErrors errors)
    {
        if (root.Node(Section) is YamlScalarNode { Value: null or "" } || root.Mapping(Section) is not { } fields)
        {
            return NotificationPlan.None;
        }

        fields.RejectUnknownKeys(SectionKeys);
        var channelNames = new UniqueNames("channel");
        var channels = fields.Entries("channels", (node, path) => NotificationChannelReader.Read(node, path, errors, channelNames));
        var declaredChannels = new DeclaredNames("channel", channelNames.Taken, "a channel declared under notifications.channels");
        var declaredTeams = new DeclaredNames("team", teams, $"the team of a service, or \"{NotificationRoute.EveryTeam}\" for every team", NotificationRoute.EveryTeam);
        var routes = fields.Entries("routes", (node, path) => ReadRoute(node, path, errors, declaredChannels, teams.Count > 0 ? declaredTeams : null));
        return new NotificationPlan(channels, routes);
    }

    /// <param name="teams">Null when the file declares no services, so every team would be reported unknown for nothing.</param>
    private static NotificationRoute? ReadRoute(YamlNode node, string path, ParseErrors errors, DeclaredNames channels, DeclaredNames? teams)
    {
        if (MappingFields.Read(node, path, errors) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknownKeys(RouteKeys);
        fields.Require("team", $"required: the team whose alerts this route takes, or \"{NotificationRoute.EveryTeam}\" for every team");
        var team = fields.Name("team");
        if (team is not null && teams?.Check([new NamedItem(team, fields.Node("team")!, fields.PathOf("team"))], errors) == false)
        {
            team = null;
        }

        var severities = ReadSeverities(fields, errors);
        fields.Require("channels", "required: the channels this route notifies, e.g. [ops-hook]");
        var targets = ChannelList(fields, "channels", errors, channels);
        var (escalateAfter, escalateTo) = ReadEscalation(fields, errors, channels);
        return team is null || severities is null || targets is null || (escalateAfter is null) != (escalateTo is null)
            ? null
            : new NotificationRoute(team, severities, targets, escalateAfter, escalateTo);
    }

    private static List<AlertSeverity>? ReadSeverities(MappingFields fields, ParseErrors errors)
    {
        var expected = $"expected one or more of: {YamlValueText.List(SeverityWords)}";
        fields.Require("severity", $"required: the severities this route takes; {expected}");
        if (fields.Names("severity", acceptSingle: true) is not { } names)
        {
            return null;
        }

        if (names.Count == 0)
        {
            fields.Invalid("severity", $"must name at least one severity; {expected}");
            return null;
        }

        var severities = new List<AlertSeverity>();
        foreach (var item in names)
        {
            var index = Array.IndexOf(SeverityWords, item.Name.ToLowerInvariant());
            if (index >= 0)
            {
                severities.Add(Severities[index]);
            }
            else
            {
                errors.Add(item.Node, item.Path, $"unknown severity {YamlValueText.Quote(item.Name)}{Suggestion.DidYouMean(item.Name, SeverityWords)}; {expected}");
            }
        }

        return severities.Count == names.Count ? severities : null;
    }

    private static (TimeSpan? After, List<string>? To) ReadEscalation(MappingFields fields, ParseErrors errors, DeclaredNames channels)
    {
        if (fields.Has("escalateAfter") && !fields.Has("escalateTo"))
        {
            fields.Invalid("escalateAfter", "needs escalateTo: the channels to notify when nobody acknowledges in time");
        }

        if (fields.Has("escalateTo") && !fields.Has("escalateAfter"))
        {
            fields.Invalid("escalateTo", "needs escalateAfter: how long to wait for an acknowledgement first, e.g. 15m");
        }

        return (fields.Duration("escalateAfter"), ChannelList(fields, "escalateTo", errors, channels));
    }

    private static List<string>? ChannelList(MappingFields fields, string key, ParseErrors errors, DeclaredNames channels)
    {
        if (fields.Names(key, acceptSingle: true) is not { } names)
        {
            return null;
        }

        if (names.Count == 0)
        {
            fields.Invalid(key, "must name at least one channel");
            return null;
        }

        return channels.Check(names, errors) ? names.Select(name => name.Name).ToList() : null;
    }
}
