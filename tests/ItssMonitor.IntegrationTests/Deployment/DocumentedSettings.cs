using System.Text.RegularExpressions;

namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>
/// The server's configuration keys as the README's settings tables document them (the "## Agent" section
/// lists the agent's, which the server does not read), so an environment variable with a typo such as
/// <c>Storage__Influx__Uri</c>, which ASP.NET Core would silently ignore, is caught.
/// </summary>
public sealed partial class DocumentedSettings
{
    private readonly Dictionary<string, string> _rows;

    private DocumentedSettings(Dictionary<string, string> rows) => _rows = rows;

    public IReadOnlyCollection<string> Keys => _rows.Keys;

    public static DocumentedSettings FromReadme()
    {
        var rows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var section = "";
        foreach (var line in File.ReadLines(ComposeFile.RepositoryFile("README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line;
            }
            else if (section != "## Agent" && line.StartsWith("| `", StringComparison.Ordinal))
            {
                var firstCell = line.Split('|')[1];
                foreach (Match key in Key().Matches(firstCell))
                {
                    rows.TryAdd(key.Groups["key"].Value, line);
                }
            }
        }

        return new DocumentedSettings(rows);
    }

    /// <summary>
    /// Whether an environment variable name reaches a documented key: <c>A__B</c> is <c>A:B</c>; a list entry
    /// <c>A__B__0__Name</c> needs <c>A:B</c> documented with a <c>"Name"</c> field.
    /// </summary>
    public bool Binds(string environmentName)
    {
        var segments = environmentName.Split("__");
        var index = Array.FindIndex(segments, segment => segment.All(char.IsAsciiDigit));
        if (index < 0)
        {
            return _rows.ContainsKey(string.Join(':', segments));
        }

        var field = segments.Skip(index + 1).ToArray();
        return _rows.TryGetValue(string.Join(':', segments[..index]), out var row)
            && (field.Length == 0 || (field.Length == 1 && row.Contains($"\"{field[0]}\"", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"`(?<key>[A-Z][A-Za-z]*(?::[A-Z][A-Za-z]*)+)`")]
    private static partial Regex Key();
}
