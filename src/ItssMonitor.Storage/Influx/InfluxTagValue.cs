using System.Text;

namespace ItssMonitor.Storage.Influx;

/// <summary>
/// Makes any string safe as an InfluxDB tag value and gives it back unchanged on read.
/// Line protocol 1.x cannot carry a backslash before a comma, space or equals sign, a trailing
/// backslash, or a line break in a tag value, so '%', '\' and ASCII control characters are
/// percent-encoded (%25, %5C, %0A…). Everything else, unicode included, is stored as it is, so
/// names stay readable in Grafana.
/// </summary>
internal static class InfluxTagValue
{
    public static string Encode(string value)
    {
        if (!value.Any(NeedsEncoding))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEncoding(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string stored)
    {
        if (!stored.Contains('%'))
        {
            return stored;
        }

        var builder = new StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '%' && IsHex(stored, i + 1))
            {
                builder.Append((char)Convert.ToInt32(stored.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(stored[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEncoding(char c) => c is '%' or '\\' || c < ' ' || c == '\u007f';

    private static bool IsHex(string s, int index) =>
        index + 1 < s.Length && Uri.IsHexDigit(s[index]) && Uri.IsHexDigit(s[index + 1]);
}
