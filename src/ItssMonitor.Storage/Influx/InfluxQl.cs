using System.Globalization;
using System.Text;

namespace ItssMonitor.Storage.Influx;

/// <summary>Quoting for InfluxQL, so that no name can change the meaning of a query.</summary>
internal static class InfluxQl
{
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>A tag comparison on a value stored through <see cref="InfluxTagValue"/>.</summary>
    public static string TagEquals(string tag, string value) => $"{Identifier(tag)} = {StringLiteral(InfluxTagValue.Encode(value))}";

    public static string TimeLiteral(DateTimeOffset time) =>
        StringLiteral(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public static string Duration(TimeSpan duration) => ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
