using System.Text.Json.Nodes;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>What InfluxDB answered to one query: an error, or the series it returned (possibly none).</summary>
internal sealed record InfluxAnswer(string? Error, JsonArray Series)
{
    /// <summary>
    /// Why a dashboard query with this answer would show nothing, or less than it asks for, in Grafana; null when
    /// it returned data in every column. InfluxDB answers a misspelt field with an empty column, not an error.
    /// </summary>
    public string? Problem =>
        Error is not null ? "InfluxDB refused it: " + Error
        : Series.Count == 0 ? "it returned no series"
        : EmptyColumns() is { Count: > 0 } empty ? $"its column(s) {string.Join(", ", empty)} hold no value in any series"
        : null;

    /// <summary>The values of a <c>SHOW TAG VALUES</c> answer (columns key, value), in the order InfluxDB returned them.</summary>
    public IReadOnlyList<string> TagValues =>
        Series.SelectMany(series => series!["values"]!.AsArray()).Select(row => (string)row![1]!).Distinct(StringComparer.Ordinal).ToList();

    private List<string> EmptyColumns()
    {
        var columns = Series[0]!["columns"]!.AsArray().Select(column => (string)column!).ToList();
        return columns
            .Where((_, index) => !Series.Any(series => series!["values"]!.AsArray().Any(row => row![index] is not null)))
            .ToList();
    }
}
