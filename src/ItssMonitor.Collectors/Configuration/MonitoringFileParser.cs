using ItssMonitor.Core.Monitoring;
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

    private static readonly string[] RootKeys = ["services"];
    private static readonly string[] ServiceKeys = ["name", "team", "tags", "sla", "failuresBeforeDown", "checks"];
    private static readonly string[] SlaKeys = ["availability", "latencyP95Ms"];

    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">How errors name the file, e.g. the path the operator configured.</param>
    public static MonitoringFileParseResult Parse(string yaml, string fileName)
    {
        var errors = new ParseErrors(fileName);
        var root = Load(yaml, errors);
        var services = root is null or YamlScalarNode { Value: null or "" } ? [] : ReadServices(root, errors);
        if (services.Count == 0 && errors.Count == 0)
        {
            // An empty file, or one holding only comments.
            errors.Add(root?.Start ?? Mark.Empty, "", "no services: nothing to monitor");
        }

        return errors.Count == 0
            ? MonitoringFileParseResult.Valid(new MonitoringConfiguration(services))
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

    private static List<ServiceDefinition> ReadServices(YamlNode root, ParseErrors errors)
    {
        var services = new List<ServiceDefinition>();
        if (MappingFields.Read(root, "", errors) is not { } fields)
        {
            return services;
        }

        fields.RejectUnknownKeys(RootKeys);
        fields.Require("services", "no services: nothing to monitor");
        if (fields.Node("services") is YamlScalarNode { Value: null or "" } or YamlSequenceNode { Children.Count: 0 })
        {
            fields.Invalid("services", "no services: nothing to monitor");
            return services;
        }

        if (fields.List("services") is not { } list)
        {
            return services;
        }

        var names = new UniqueNames("service");
        for (var index = 0; index < list.Children.Count; index++)
        {
            if (ReadService(list.Children[index], $"services[{index}]", errors, names) is { } service)
            {
                services.Add(service);
            }
        }

        return services;
    }

    private static ServiceDefinition? ReadService(YamlNode node, string path, ParseErrors errors, UniqueNames serviceNames)
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
        var tags = ReadTags(fields, errors);
        var sla = ReadSla(fields);
        var failuresBeforeDown = fields.PositiveInteger("failuresBeforeDown");
        var checks = ReadChecks(fields, errors, failuresBeforeDown);
        return name is null || team is null || tags is null || checks is null ? null : new ServiceDefinition(name, team, tags, checks, sla);
    }

    private static List<string>? ReadTags(MappingFields service, ParseErrors errors)
    {
        if (service.List("tags") is not { } list)
        {
            return service.Has("tags") ? null : [];
        }

        var tags = new List<string>();
        for (var index = 0; index < list.Children.Count; index++)
        {
            var item = list.Children[index];
            var path = $"{service.PathOf("tags")}[{index}]";
            if (item is not YamlScalarNode scalar)
            {
                errors.Add(item, path, $"expected a text value, got {YamlValueText.Describe(item)}");
            }
            else if (MappingFields.NameProblem(scalar.Value ?? "") is { } problem)
            {
                errors.Add(item, path, problem);
            }
            else
            {
                tags.Add(scalar.Value!);
            }
        }

        return tags.Count == list.Children.Count ? tags : null;
    }

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
