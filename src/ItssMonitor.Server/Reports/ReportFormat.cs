using System.Globalization;

namespace ItssMonitor.Server.Reports;

/// <summary>How report figures are written in the CSV, the PDF and the mail, so every rendering shows the same digits.</summary>
public static class ReportFormat
{
    /// <summary>Seconds to the millisecond (samples are stored to the millisecond), invariant culture.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A percentage to four decimals (99.9537), or empty when there is none.</summary>
    public static string Percent(double? percent) => percent?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A figure to three decimals, or empty when there is none.</summary>
    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A duration as minutes and seconds, "43 min 12 s" (hours are written as minutes, so sums are easy to check).</summary>
    public static string MinutesAndSeconds(double? seconds)
    {
        if (seconds is not { } value)
        {
            return "";
        }

        var whole = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 60} min {whole % 60} s");
    }

    /// <summary>A time as the report prints it: UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
