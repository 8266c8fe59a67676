namespace ItssMonitor.Server.Ingest;

/// <summary>What <see cref="LineProtocolParser"/> made of a body: the points it could parse and why the others failed.</summary>
internal sealed record LineProtocolBatch(IReadOnlyList<LinePoint> Points, IReadOnlyList<IngestError> Errors);
