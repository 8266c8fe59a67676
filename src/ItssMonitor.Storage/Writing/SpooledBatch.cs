using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage.Writing;

/// <summary>A batch read back from the <see cref="SampleSpool"/>.</summary>
public sealed record SpooledBatch(long Sequence, IReadOnlyList<Sample> Samples);
