using System.Text.RegularExpressions;
using ItssMonitor.TestServers;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>The repository's <c>docker-compose.yml</c>, read as YAML, with the variable syntax compose interpolates.</summary>
public sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public YamlMappingNode Services => (YamlMappingNode)Root["services"];

    public static ComposeFile Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RepositoryFile("docker-compose.yml")))
        {
            stream.Load(reader);
        }

        return new ComposeFile((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static string RepositoryFile(string path) => Path.Combine(SolutionBuild.RootDirectory(), path);

    /// <summary>The <c>KEY=value</c> lines of <c>.env.example</c>, as compose reads an <c>.env</c> file.</summary>
    public static IReadOnlyDictionary<string, string> EnvExample() =>
        File.ReadAllLines(RepositoryFile(".env.example"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    public YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    /// <summary>A service's <c>environment</c> mapping (empty when it has none), values as written, before interpolation.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service).Children.TryGetValue(new YamlScalarNode("environment"), out var environment)
            ? ((YamlMappingNode)environment).Children.ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>A service's volume entries as written: <c>source:target[:mode]</c>.</summary>
    public IReadOnlyList<string> Volumes(string service) =>
        Service(service).Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes)
            ? ((YamlSequenceNode)volumes).Select(volume => ((YamlScalarNode)volume).Value!).ToList()
            : [];

    /// <summary>Every <c>${NAME…}</c> reference anywhere in the file.</summary>
    public static IReadOnlyList<VariableReference> References(string text) =>
        Variable().Matches(text).Select(match => new VariableReference(match.Groups["name"].Value, match.Groups["operator"].Value, match.Groups["argument"].Value)).ToList();

    public static string Text() => File.ReadAllText(RepositoryFile("docker-compose.yml"));

    /// <summary>Compose's interpolation: <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:?error}</c>; <c>$$</c> is a literal <c>$</c>.</summary>
    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var found) && found.Length > 0;
            return match.Groups["operator"].Value switch
            {
                ":-" => set ? found! : match.Groups["argument"].Value,
                ":?" => set ? found! : throw new InvalidOperationException($"{name}: {match.Groups["argument"].Value}"),
                _ => found ?? "",
            };
        }).Replace("$$", "$", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:[-?])(?<argument>[^}]*))?\}")]
    private static partial Regex Variable();
}
