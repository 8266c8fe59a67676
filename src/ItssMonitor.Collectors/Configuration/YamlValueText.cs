using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>How a value from the file is shown back in an error: quoted, with invisible characters made visible.</summary>
internal static class YamlValueText
{
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Quote(scalar.Value ?? ""),
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unexpected value",
    };

    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            quoted.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    public static string List(IEnumerable<string> values) => string.Join(", ", values);
}
