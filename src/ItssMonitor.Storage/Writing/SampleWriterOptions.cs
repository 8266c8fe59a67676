using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Storage.Writing;

/// <summary>Configuration section <c>Storage:Writer</c>: batching, and the spool that keeps samples while the store is unreachable.</summary>
public sealed class SampleWriterOptions
{
    /// <summary>A batch is written when it holds this many samples…</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>…or when its first sample has waited this long.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Samples queued in memory before producers wait.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Directory of the on-disk spool.</summary>
    [Required]
    public string SpoolDirectory { get; set; } = "data/spool";

    /// <summary>Size limit of the spool; past it the oldest batches are dropped, logged and counted.</summary>
    [Range(1024, long.MaxValue)]
    public long SpoolMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Longest wait between two attempts to deliver the spool.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
