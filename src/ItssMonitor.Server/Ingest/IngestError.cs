using System.Text.Json.Serialization;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Why one line (line protocol, 1-based) or one sample (JSON, 0-based index into <c>samples</c>) was rejected.
/// Exactly one of <see cref="Line"/> and <see cref="Index"/> is set.
/// </summary>
internal sealed record IngestError(
    [property: JsonPropertyName("line"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonPropertyName("index"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Index,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static IngestError AtLine(int line, string reason) => new(line, null, reason);

    public static IngestError AtIndex(int index, string reason) => new(null, index, reason);
}
