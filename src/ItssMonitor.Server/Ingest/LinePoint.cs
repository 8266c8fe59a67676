namespace ItssMonitor.Server.Ingest;

/// <summary>
/// One parsed line-protocol point, unescaped. Field values are <see cref="long"/> (<c>i</c>), <see cref="ulong"/>
/// (<c>u</c>), <see cref="double"/>, <see cref="bool"/> or <see cref="string"/>; the timestamp is in the request's
/// precision, null when the line has none.
/// </summary>
internal sealed record LinePoint(
    int Line,
    string Measurement,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, object> Fields,
    long? Timestamp);
