namespace ItssMonitor.Server.Pages.ServiceDetail;

/// <summary>A range the detail page's charts can show, with how its time axis is labelled.</summary>
public sealed record HistoryRange(string Key, string Label, TimeSpan Length, string AxisFormat)
{
    public static readonly HistoryRange Hour = new("1h", "1 h", TimeSpan.FromHours(1), "{0:HH:mm}");
    public static readonly HistoryRange Day = new("24h", "24 h", TimeSpan.FromHours(24), "{0:HH:mm}");
    public static readonly HistoryRange Week = new("7d", "7 d", TimeSpan.FromDays(7), "{0:d MMM}");
    public static readonly HistoryRange Month = new("30d", "30 d", TimeSpan.FromDays(30), "{0:d MMM}");

    public static IReadOnlyList<HistoryRange> All { get; } = [Hour, Day, Week, Month];

    /// <summary>The range for a <c>?range=</c> value; 24 h when absent or unknown.</summary>
    public static HistoryRange Parse(string? key) => All.FirstOrDefault(range => range.Key == key) ?? Day;
}
