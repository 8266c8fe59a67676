using System.Globalization;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// The rules a pushed value must meet, shared by the JSON and line-protocol readers so both accept the same things
/// and say the same when they do not. Values are the line-protocol types: long, ulong, double, bool or string.
/// </summary>
internal static class SampleValues
{
    /// <summary>Names become tags; a bound keeps one bad agent from creating huge series keys.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longer error texts are cut here rather than rejected: the sample itself is still worth having.</summary>
    public const int MaxErrorLength = 2048;

    /// <summary>Largest count accepted (auth failures): far above anything real, and exact as a double.</summary>
    public const long MaxCount = 1L << 50;

    public static string? Name(string label, string? value, bool required, out string name)
    {
        name = value ?? "";
        if (name.Length == 0)
        {
            return required ? $"{label} is missing" : null;
        }

        return name.Length > MaxNameLength ? $"{label} is longer than {MaxNameLength} characters" : null;
    }

    public static string? Up(string label, object value, out bool? up)
    {
        up = null;
        switch (value)
        {
            case bool b:
                up = b;
                return null;
            case long or ulong or double when ToDouble(value) is 0d or 1d:
                up = ToDouble(value) == 1;
                return null;
            default:
                return $"{label}: expected 0 or 1, got {Describe(value)}";
        }
    }

    public static string? Latency(string label, object value, out double? latencyMs)
    {
        latencyMs = null;
        var number = ToDouble(value);
        if (!double.IsFinite(number) || number < 0)
        {
            return $"{label}: expected a number of milliseconds, 0 or more, got {Describe(value)}";
        }

        latencyMs = number;
        return null;
    }

    public static string? Number(string label, object value, out double? number)
    {
        number = null;
        if (value is not (long or ulong or double) || !double.IsFinite(ToDouble(value)))
        {
            return $"{label}: expected a number, got {Describe(value)}";
        }

        number = ToDouble(value);
        return null;
    }

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>; a float with no fraction counts (7 as well as 7i).</summary>
    public static string? Integer(string label, object value, long min, long max, out long? integer)
    {
        integer = null;
        var number = value is long or ulong or double ? ToDouble(value) : double.NaN;
        if (double.IsNaN(number) || number != Math.Floor(number) || number < min || number > max)
        {
            return $"{label}: expected an integer from {min} to {max}, got {Describe(value)}";
        }

        integer = (long)number;
        return null;
    }

    public static string? Boolean(string label, object value, out bool? flag)
    {
        return Up(label, value, out flag) is null ? null : $"{label}: expected true or false, got {Describe(value)}";
    }

    public static string? Text(string label, object value, out string? text)
    {
        text = value as string;
        return text is null ? $"{label}: expected a string, got {Describe(value)}" : null;
    }

    public static string? Error(string label, object value, out string? error)
    {
        var problem = Text(label, value, out error);
        if (error is { Length: > MaxErrorLength })
        {
            error = string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");
        }

        return problem;
    }

    public static string Describe(object value) => value switch
    {
        string s => $"the string \"{Shorten(s)}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Keeps error messages short when they quote what was sent.</summary>
    public static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => double.NaN,
    };
}
