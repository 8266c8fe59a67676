using System.Globalization;
using System.Text;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Parses InfluxDB line protocol the way InfluxDB 1.x does, so whatever Telegraf or another agent writes to
/// InfluxDB can be written here. It never throws on bad input: a line that cannot be parsed becomes an
/// <see cref="IngestError"/> with its line number and the reason, and the lines around it are still parsed.
/// </summary>
/// <remarks>
/// As in InfluxDB 1.x: measurements unescape <c>\,</c> and <c>\ </c>; tag keys, tag values and field keys
/// unescape <c>\,</c>, <c>\ </c> and <c>\=</c>; any other backslash is kept as it is. String fields unescape
/// <c>\"</c> and <c>\\</c> and may hold line breaks. Stricter than InfluxDB: a duplicate tag or field key is
/// an error (InfluxDB keeps one of them silently, which hides a broken agent).
/// </remarks>
internal static class LineProtocolParser
{
    private const int ExcerptLength = 40;

    public static LineProtocolBatch Parse(string text)
    {
        var points = new List<LinePoint>();
        var errors = new List<IngestError>();
        var position = 0;
        var lineNumber = 1;
        while (position < text.Length)
        {
            var end = LogicalLineEnd(text, position);
            var line = text.AsSpan(position, end - position);
            var reason = ParseLine(line, lineNumber, out var point);
            if (point is not null)
            {
                points.Add(point);
            }
            else if (reason is not null)
            {
                errors.Add(IngestError.AtLine(lineNumber, reason));
            }

            // Line breaks inside quoted strings belong to the point, but still count for the lines after it.
            lineNumber += line.Count('\n') + 1;
            position = end + 1;
        }

        return new LineProtocolBatch(points, errors);
    }

    /// <summary>
    /// Where the point starting at <paramref name="start"/> ends: the first line break outside a quoted field value.
    /// The same scan as InfluxDB 1.x (models.scanLine), so a body splits into the same points there and here.
    /// </summary>
    private static int LogicalLineEnd(string text, int start)
    {
        var quoted = false;
        var inFields = false;
        var equals = 0;
        var commas = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 2 < text.Length)
            {
                i++;
                continue;
            }

            if (c == ' ')
            {
                inFields = true;
            }

            if (inFields)
            {
                if (!quoted && c == '=')
                {
                    equals++;
                    continue;
                }

                if (!quoted && c == ',')
                {
                    commas++;
                    continue;
                }

                // A quote opens a string only where a field value starts (more '=' than ',' seen).
                if (c == '"' && equals > commas)
                {
                    quoted = !quoted;
                    continue;
                }
            }

            if (c == '\n' && !quoted)
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>Null point and null reason: a blank or comment line, skipped.</summary>
    private static string? ParseLine(ReadOnlySpan<char> s, int lineNumber, out LinePoint? point)
    {
        point = null;
        if (s.Length > 0 && s[^1] == '\r')
        {
            s = s[..^1];
        }

        var i = SkipWhitespace(s, 0);
        if (i == s.Length || s[i] == '#')
        {
            return null;
        }

        var start = i;
        ScanUntil(s, ref i, ",  ");
        if (i == start)
        {
            return "missing measurement";
        }

        var measurement = Unescape(s[start..i], ", ");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < s.Length && s[i] == ',')
        {
            i++;
            start = i;
            ScanUntil(s, ref i, "=, ");
            if (i == start)
            {
                return "missing tag key";
            }

            var key = Unescape(s[start..i], ", =");
            if (i == s.Length || s[i] != '=')
            {
                return $"tag {Quote(key)} has no value";
            }

            start = ++i;
            ScanUntil(s, ref i, ", =");
            if (i < s.Length && s[i] == '=')
            {
                return $"tag {Quote(key)}: unescaped '=' in the value (write it as \\=)";
            }

            if (i == start)
            {
                return $"tag {Quote(key)} has no value";
            }

            if (!tags.TryAdd(key, Unescape(s[start..i], ", =")))
            {
                return $"duplicate tag {Quote(key)}";
            }
        }

        i = SkipWhitespace(s, i);
        if (i == s.Length)
        {
            return "missing fields";
        }

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            start = i;
            ScanUntil(s, ref i, "=, ");
            if (i == start)
            {
                return "missing field key";
            }

            var key = Unescape(s[start..i], ", =");
            if (i == s.Length || s[i] != '=' || i + 1 == s.Length || s[i + 1] is ',' or ' ')
            {
                return $"field {Quote(key)} has no value";
            }

            i++;
            object value;
            if (s[i] == '"')
            {
                var text = ReadString(s, ref i);
                if (text is null)
                {
                    return $"field {Quote(key)}: unterminated string (no closing quote)";
                }

                if (i < s.Length && s[i] is not (',' or ' '))
                {
                    return $"field {Quote(key)}: unexpected {Quote(Excerpt(s[i..]))} after the closing quote";
                }

                value = text;
            }
            else
            {
                start = i;
                while (i < s.Length && s[i] is not (',' or ' '))
                {
                    i++;
                }

                var problem = ParseValue(s[start..i], out value);
                if (problem is not null)
                {
                    return $"field {Quote(key)}: {problem}";
                }
            }

            if (!fields.TryAdd(key, value))
            {
                return $"duplicate field {Quote(key)}";
            }

            if (i < s.Length && s[i] == ',')
            {
                i++;
                continue;
            }

            break;
        }

        long? timestamp = null;
        i = SkipWhitespace(s, i);
        if (i < s.Length)
        {
            start = i;
            while (i < s.Length && s[i] is not (' ' or '\t'))
            {
                i++;
            }

            var token = s[start..i];
            if (!IsInteger(token))
            {
                return $"timestamp {Quote(Excerpt(token))} is not an integer";
            }

            if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return $"timestamp {Quote(Excerpt(token))} is out of range";
            }

            timestamp = value;
            i = SkipWhitespace(s, i);
            if (i < s.Length)
            {
                return $"unexpected {Quote(Excerpt(s[i..]))} after the timestamp";
            }
        }

        point = new LinePoint(lineNumber, measurement, tags, fields, timestamp);
        return null;
    }

    /// <summary>Reads a quoted string starting at the opening quote; null when it is not closed.</summary>
    private static string? ReadString(ReadOnlySpan<char> s, ref int i)
    {
        var builder = new StringBuilder();
        for (var j = i + 1; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '\\' && j + 1 < s.Length && s[j + 1] is '"' or '\\')
            {
                builder.Append(s[++j]);
            }
            else if (c == '"')
            {
                i = j + 1;
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        return null;
    }

    private static string? ParseValue(ReadOnlySpan<char> token, out object value)
    {
        value = 0L;
        switch (token)
        {
            case "t" or "T" or "true" or "True" or "TRUE":
                value = true;
                return null;
            case "f" or "F" or "false" or "False" or "FALSE":
                value = false;
                return null;
        }

        if (token[^1] == 'i' && IsInteger(token[..^1]))
        {
            if (!long.TryParse(token[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return $"integer {Excerpt(token)} is out of range";
            }

            value = integer;
            return null;
        }

        if (token[^1] == 'u' && token.Length > 1 && token[0] != '-' && IsInteger(token[..^1]))
        {
            if (!ulong.TryParse(token[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned))
            {
                return $"unsigned integer {Excerpt(token)} is out of range";
            }

            value = unsigned;
            return null;
        }

        if (IsFloat(token))
        {
            var number = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(number))
            {
                return $"number {Excerpt(token)} is out of range";
            }

            value = number;
            return null;
        }

        return $"invalid value {Quote(Excerpt(token))} (numbers are 1.5, 1e3, 7i or 7u; booleans true/false; strings need double quotes)";
    }

    /// <summary>An optional minus and at least one digit.</summary>
    private static bool IsInteger(ReadOnlySpan<char> s)
    {
        var digits = s.Length > 0 && s[0] == '-' ? s[1..] : s;
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>InfluxDB's number grammar: -?(digits[.digits]|.digits)([eE][+-]?digits)?</summary>
    private static bool IsFloat(ReadOnlySpan<char> s)
    {
        var i = s.Length > 0 && s[0] == '-' ? 1 : 0;
        var mantissaDigits = CountDigits(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            mantissaDigits += CountDigits(s, ref i);
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Moves to the first of <paramref name="stops"/> that is not escaped by a backslash, or the end.</summary>
    private static void ScanUntil(ReadOnlySpan<char> s, ref int i, string stops)
    {
        while (i < s.Length)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i += 2;
                continue;
            }

            if (stops.Contains(s[i]))
            {
                return;
            }

            i++;
        }

        i = s.Length;
    }

    private static string Unescape(ReadOnlySpan<char> s, string escapable)
    {
        if (!s.Contains('\\'))
        {
            return s.ToString();
        }

        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && escapable.Contains(s[i + 1]))
            {
                i++;
            }

            builder.Append(s[i]);
        }

        return builder.ToString();
    }

    private static int SkipWhitespace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static string Excerpt(ReadOnlySpan<char> s) =>
        s.Length <= ExcerptLength ? s.ToString() : string.Concat(s[..ExcerptLength], "…");

    private static string Quote(string s) => $"\"{s}\"";
}
