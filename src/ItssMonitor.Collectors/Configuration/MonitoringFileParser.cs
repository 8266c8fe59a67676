using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Notifications;
using ItssMonitor.Core.Sla;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// Turns the text of a monitoring file into a <see cref="MonitoringConfiguration"/>, or into every error
/// it has, each with file, line, column and field. Pure: no files, no clock.
/// </summary>
public static class MonitoringFileParser
{
    public const string DefaultTeam = "default";

    private static readonly string[] RootKeys = ["services", "maintenance", "notifications"];
    private static readonly string[] ServiceKeys = ["name", "team", "tags", "sla", "failuresBeforeDown", "checks"];
    private static readonly string[] SlaKeys = ["availability", "latencyP95Ms"];

    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">How errors name the file, e.g. the path the operator configured.</param>
    public static MonitoringFileParseResult Parse(string yaml, string fileName)
    {
        var errors = new ParseErrors(fileName);
        var root = Load(yaml, errors);
        var fields = root is null or YamlScalarNode { Value: null or "" } ? null : MappingFields.Read(root, "", errors);
        var serviceNames = new UniqueNames("service");
        var teams = new HashSet<string>(StringComparer.Ordinal);
        var services = fields is null ? [] : ReadServices(fields, errors, serviceNames, teams);
        if (services.Count == 0 && errors.Count == 0)
        {
            // An empty file, or one holding only comments.
            errors.Add(root?.Start ?? Mark.Empty, "", "no services: nothing to monitor");
        }

        var maintenance = fields is null ? MaintenanceCalendar.Empty : MaintenanceReader.Read(fields, serviceNames.Taken, errors);
        var notifications = fields is null ? NotificationPlan.None : NotificationsReader.Read(fields, teams, errors);
        return errors.Count == 0
            ? MonitoringFileParseResult.Valid(new MonitoringConfiguration(services) { Maintenance = maintenance, Notifications = notifications })
            : MonitoringFileParseResult.Invalid(errors.InFileOrder());
    }

    /// <summary>The first document's root, or null when the text is not YAML (reported) or holds nothing.</summary>
    private static YamlNode? Load(string yaml, ParseErrors errors)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException exception)
        {
            errors.Add(exception.Start, "", "invalid YAML: " + exception.Message);
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet 18 fails this way, without a position, on some unclosed flow collections; the scanner knows where it stopped.
            errors.Add(scanner.CurrentPosition, "", "invalid YAML: " + exception.Message);
            return null;
        }

        foreach (var extra in stream.Documents.Skip(1))
        {
            errors.Add(extra.RootNode, "", "expected one YAML document; this file has another one here");
        }

        return stream.Documents.FirstOrDefault()?.RootNode;
    }

    /// <param name="serviceNames">Takes every service name read, for the sections that refer to services.</param>
    /// <param name="teams">Takes every team read, for the routes that refer to teams.</param>
    private static List<ServiceDefinition> ReadServices(MappingFields fields, ParseErrors errors, UniqueNames serviceNames, HashSet<string> teams)
    {
        fields.RejectUnknownKeys(RootKeys);
        fields.Require("services", "no services: nothing to monitor");
        if (fields.Node("services") is YamlScalarNode { Value: null or "" } or YamlSequenceNode { Children.Count: 0 })
        {
            fields.Invalid("services", "no services: nothing to monitor");
            return [];
        }

        return fields.Entries("services", (node, path) => ReadService(node, path, errors, serviceNames, teams));
    }

    private static ServiceDefinition? ReadService(YamlNode node, string path, ParseErrors errors, UniqueNames serviceNames, HashSet<string> teams)
    {
        if (MappingFields.Read(node, path, errors) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknownKeys(ServiceKeys);
        fields.Require("name", "required: the service's name, unique in the file");
        var name = fields.Name("name");
        serviceNames.Claim(name, fields, "name");
        var team = fields.Has("team") ? fields.Name("team") : DefaultTeam;
        if (team is not null)
        {
            teams.Add(team);
        }

        var tags = ReadTags(fields);
        var sla = ReadSla(fields);
        var failuresBeforeDown = fields.PositiveInteger("failuresBeforeDown");
        var checks = ReadChecks(fields, errors, failuresBeforeDown);
        return name is null || team is null || tags is null || checks is null ? null : new ServiceDefinition(name, team, tags, checks, sla);
    }

    private static List<string>? ReadTags(MappingFields service) =>
        service.Has("tags") ? service.Names("tags")?.Select(tag => tag.Name).ToList() : [];

    private static ServiceSla? ReadSla(MappingFields service)
    {
        if (service.Mapping("sla") is not { } fields)
        {
            return null;
        }

        fields.RejectUnknownKeys(SlaKeys);
        fields.Require("availability", "required: the availability objective in percent, e.g. 99.9");
        var availability = fields.Number("availability", value => value is > 0 and <= 100, "a percentage above 0 and at most 100, e.g. 99.9");
        var latency = fields.PositiveNumber("latencyP95Ms");
        return availability is { } objective ? new ServiceSla(objective, latency) : null;
    }

    private static List<CheckDefinition>? ReadChecks(MappingFields service, ParseErrors errors, int? failuresBeforeDown)
    {
        service.Require("checks", "required: a service needs at least one check");
        if (service.List("checks") is not { } list)
        {
            return null;
        }

        if (list.Children.Count == 0)
        {
            service.Invalid("checks", "a service needs at least one check");
        }

        var checks = new List<CheckDefinition>();
        var names = new UniqueNames("check");
        for (var index = 0; index < list.Children.Count; index++)
        {
            var path = $"{service.PathOf("checks")}[{index}]";
            if (CheckDefinitionReader.Read(list.Children[index], path, errors, failuresBeforeDown, names) is { } check)
            {
                checks.Add(check);
            }
        }

        return checks.Count == list.Children.Count ? checks : null;
    }
}
