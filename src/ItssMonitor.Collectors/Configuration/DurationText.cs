using System.Globalization;
using System.Text.RegularExpressions;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Durations as the monitoring file writes them: a whole number and a unit, <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
internal static partial class DurationText
{
    public const string Examples = "500ms, 10s, 5m, 1h or 1d";

    private static readonly (string Unit, long Milliseconds)[] Units =
    [
        ("d", 86_400_000),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1_000),
        ("ms", 1),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var unit = Units.Single(u => u.Unit == match.Groups["unit"].Value).Milliseconds;
        if (amount > (long)TimeSpan.MaxValue.TotalMilliseconds / unit)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * unit);
        return true;
    }

    /// <summary>The largest unit that writes the duration exactly, so messages echo the file's own style.</summary>
    public static string Format(TimeSpan duration)
    {
        var milliseconds = (long)duration.TotalMilliseconds;
        var (unit, size) = Units.First(u => milliseconds % u.Milliseconds == 0);
        return (milliseconds / size).ToString(CultureInfo.InvariantCulture) + unit;
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+)(?<unit>ms|s|m|h|d)$")]
    private static partial Regex Pattern();
}
