using System.Text.Json.Nodes;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>One dashboard file of <c>grafana/dashboards</c>, read the way Grafana reads it: panels (rows included), their queries, the template variables.</summary>
internal sealed class GrafanaDashboard
{
    private GrafanaDashboard(string fileName, JsonObject json)
    {
        FileName = fileName;
        Uid = Text(json, "uid") ?? throw Invalid("has no uid");
        Title = Text(json, "title") ?? throw Invalid("has no title");
        SchemaVersion = json["schemaVersion"]?.GetValue<int>() ?? throw Invalid("has no schemaVersion");
        Panels = Flatten(json["panels"]?.AsArray() ?? throw Invalid("has no panels")).ToList();
        Variables = (json["templating"]?["list"]?.AsArray() ?? []).Select(ReadVariable).ToList();
    }

    public static string Folder { get; } = Path.Combine(SolutionBuild.RootDirectory(), "grafana");

    public string FileName { get; }

    public string Uid { get; }

    public string Title { get; }

    public int SchemaVersion { get; }

    public IReadOnlyList<JsonObject> Panels { get; }

    /// <summary>In dashboard order, which is the order Grafana resolves them in: a variable may use the ones before it.</summary>
    public IReadOnlyList<TemplateVariable> Variables { get; }

    /// <summary>Every query of every panel.</summary>
    public IEnumerable<PanelQuery> Queries => Panels.SelectMany(panel =>
        (panel["targets"]?.AsArray() ?? []).Select(target => new PanelQuery(
            Text(panel, "title") ?? "(untitled)",
            Text(target!, "refId") ?? "?",
            Text(target!, "query") ?? throw Invalid($"panel '{Text(panel, "title")}' has a target without a query"),
            target!["rawQuery"]?.GetValue<bool>() == true)));

    /// <summary>The datasource uid of each panel with queries, each of its targets and each query variable, with where it was found.</summary>
    public IEnumerable<(string Where, string? Uid)> DatasourceReferences =>
        Panels.Where(panel => panel["targets"] is not null).SelectMany(panel =>
                (panel["targets"]!.AsArray()).Select(target => ($"panel '{Text(panel, "title")}' target {Text(target!, "refId")}", Text(target!["datasource"], "uid")))
                .Prepend(($"panel '{Text(panel, "title")}'", Text(panel["datasource"], "uid"))))
            .Concat(Variables.Where(variable => variable.Type == "query").Select(variable => ($"variable '{variable.Name}'", variable.DatasourceUid)));

    public static IReadOnlyList<GrafanaDashboard> LoadAll() =>
        Directory.GetFiles(Path.Combine(Folder, "dashboards"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new GrafanaDashboard(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidDataException($"{path} is not a JSON object")))
            .ToList();

    public override string ToString() => FileName;

    private static IEnumerable<JsonObject> Flatten(JsonArray panels)
    {
        foreach (var panel in panels.Select(node => node!.AsObject()))
        {
            yield return panel;

            // A collapsed row keeps its panels inside itself.
            foreach (var inner in Flatten(panel["panels"]?.AsArray() ?? []))
            {
                yield return inner;
            }
        }
    }

    private TemplateVariable ReadVariable(JsonNode? node)
    {
        var name = Text(node, "name") ?? throw Invalid("has a template variable without a name");
        var query = node!["query"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonObject structured => Text(structured, "query"),
            _ => null,
        } ?? throw Invalid($"variable '{name}' has no query");
        return new TemplateVariable(
            name,
            Text(node, "type") ?? throw Invalid($"variable '{name}' has no type"),
            query,
            Text(node, "allValue"),
            node["multi"]?.GetValue<bool>() == true,
            node["includeAll"]?.GetValue<bool>() == true,
            Text(node["datasource"], "uid"),
            node["current"]?["value"] is JsonValue current ? current.GetValue<string>() : null);
    }

    private static string? Text(JsonNode? node, string property) =>
        node is JsonObject json && json[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private InvalidDataException Invalid(string problem) => new($"grafana/dashboards/{FileName} {problem}");
}
