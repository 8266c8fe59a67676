using System.Globalization;
using System.Text.Json;
using ItssMonitor.Core.Samples;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Storage.Writing;

/// <summary>
/// Batches kept on disk while the store is unreachable, replayed oldest first. One file per batch,
/// named by sequence number and sample count, written to a temporary name and renamed, so a crash
/// never leaves half a batch. It survives restarts. Past its size limit the oldest batches are dropped
/// (the newest data tells the most about the present), each drop logged and counted. One process owns
/// a spool directory at a time (a lock file says so), since two would replay and number batches over each other.
/// </summary>
public sealed partial class SampleSpool : IDisposable
{
    private const string Extension = ".samples";
    private const string LockFileName = ".lock";

    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Segment> _segments = [];
    private readonly FileStream _ownership;
    private long _nextSequence;
    private long _bytes;

    public SampleSpool(string directory, long maxBytes, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _logger = logger;
        Directory.CreateDirectory(_directory);
        try
        {
            _ownership = new FileStream(Path.Combine(_directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"The spool directory {_directory} is in use by another process; each ItssMonitor process needs its own (Storage:Writer:SpoolDirectory).",
                exception);
        }

        foreach (var file in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            if (Segment.TryParse(file) is { } segment)
            {
                _segments[segment.Sequence] = segment;
                _bytes += segment.Bytes;
            }
        }

        _nextSequence = _segments.Count == 0 ? 0 : _segments.Keys.Max() + 1;
    }

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _segments.Count == 0;
            }
        }
    }

    /// <summary>Samples dropped because the spool was full, since start.</summary>
    public long OverflowDroppedSamples { get; private set; }

    public long PendingSamples
    {
        get
        {
            lock (_lock)
            {
                return _segments.Values.Sum(segment => (long)segment.Samples);
            }
        }
    }

    public void Append(IReadOnlyList<Sample> batch)
    {
        lock (_lock)
        {
            var sequence = _nextSequence++;
            var path = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{sequence:D20}-{batch.Count}{Extension}"));
            var temporary = path + ".tmp";
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, batch, SpoolJsonContext.Default.IReadOnlyListSample);
            }

            File.Move(temporary, path);
            var segment = new Segment(path, sequence, batch.Count, new FileInfo(path).Length);
            _segments[sequence] = segment;
            _bytes += segment.Bytes;
            DropOldestWhileOverLimit();
        }
    }

    /// <summary>The oldest batch, or null when the spool is empty.</summary>
    public SpooledBatch? Peek()
    {
        while (true)
        {
            Segment segment;
            lock (_lock)
            {
                if (_segments.Count == 0)
                {
                    return null;
                }

                segment = _segments.First().Value;
            }

            try
            {
                using var stream = File.OpenRead(segment.Path);
                var samples = JsonSerializer.Deserialize(stream, SpoolJsonContext.Default.IReadOnlyListSample) ?? [];
                return new SpooledBatch(segment.Sequence, samples);
            }
            catch (FileNotFoundException)
            {
                // Dropped for overflow while we were about to read it: the next one is now the oldest.
            }
            catch (JsonException exception)
            {
                LogUnreadable(segment.Path, segment.Samples, exception.Message);
                Remove(new SpooledBatch(segment.Sequence, []));
            }
        }
    }

    public void Remove(SpooledBatch batch)
    {
        lock (_lock)
        {
            if (_segments.Remove(batch.Sequence, out var segment))
            {
                File.Delete(segment.Path);
                _bytes -= segment.Bytes;
            }
        }
    }

    public void Dispose() => _ownership.Dispose();

    private void DropOldestWhileOverLimit()
    {
        while (_bytes > _maxBytes && _segments.Count > 0)
        {
            var oldest = _segments.First().Value;
            _segments.Remove(oldest.Sequence);
            File.Delete(oldest.Path);
            _bytes -= oldest.Bytes;
            OverflowDroppedSamples += oldest.Samples;
            SampleWriterMetrics.SpoolOverflowDropped.Add(oldest.Samples);
            LogOverflow(oldest.Samples, _maxBytes, OverflowDroppedSamples);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool is over its limit of {MaxBytes} bytes: dropped its oldest batch of {Samples} samples ({Total} dropped since start)")]
    private partial void LogOverflow(int samples, long maxBytes, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool file {Path} cannot be read ({Reason}): its {Samples} samples are lost")]
    private partial void LogUnreadable(string path, int samples, string reason);

    private sealed record Segment(string Path, long Sequence, int Samples, long Bytes)
    {
        public static Segment? TryParse(string path)
        {
            var parts = System.IO.Path.GetFileNameWithoutExtension(path).Split('-');
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var sequence) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var samples)
                ? new Segment(path, sequence, samples, new FileInfo(path).Length)
                : null;
        }
    }
}
