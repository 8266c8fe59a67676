using System.Text.Json;

namespace ItssMonitor.Storage.Influx;

/// <summary>Reads InfluxDB's JSON answers: query results, and the <c>error</c> text of a failed request.</summary>
internal static class InfluxResponse
{
    /// <summary>One row of one series: its tags and its columns by name.</summary>
    public sealed record Row(IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, JsonElement> Values)
    {
        public string Tag(string key) => Tags.TryGetValue(key, out var value) ? InfluxTagValue.Decode(value) : "";

        public JsonElement? Value(string column) =>
            Values.TryGetValue(column, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public static IReadOnlyList<Row> ReadRows(JsonDocument document)
    {
        var rows = new List<Row>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxDB rejected the query: {error.GetString()}");
            }

            if (!result.TryGetProperty("series", out var seriesList))
            {
                continue;
            }

            foreach (var series in seriesList.EnumerateArray())
            {
                var tags = series.TryGetProperty("tags", out var tagElement)
                    ? tagElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                    : new Dictionary<string, string>();
                var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
                foreach (var values in series.GetProperty("values").EnumerateArray())
                {
                    var cells = new Dictionary<string, JsonElement>(columns.Length);
                    var index = 0;
                    foreach (var cell in values.EnumerateArray())
                    {
                        cells[columns[index++]] = cell.Clone();
                    }

                    rows.Add(new Row(tags, cells));
                }
            }
        }

        return rows;
    }

    /// <summary>The text InfluxDB gives for a failed request, without the JSON around it.</summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) || document.RootElement.TryGetProperty("message", out error))
            {
                return error.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the body itself is the best description there is.
        }

        return string.IsNullOrWhiteSpace(body) ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" : body.Trim();
    }
}
