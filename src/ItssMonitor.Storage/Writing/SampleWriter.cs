using System.Threading.Channels;
using ItssMonitor.Core.Samples;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Storage.Writing;

/// <summary>
/// The one way samples reach their destination (the store; from an agent, the server): a bounded queue,
/// flushed in batches by size or time. When the destination is unreachable a batch goes to the on-disk
/// <see cref="SampleSpool"/>, and while the spool holds anything every new batch follows it there, so the
/// destination receives samples in the order they were accepted. The spool is replayed with exponential
/// backoff. A batch the destination refuses as invalid (4xx) is never retried: it would be refused
/// forever and block everything behind it.
/// </summary>
public sealed partial class SampleWriter : BackgroundService, ISampleSink
{
    private readonly ISampleDestination _destination;
    private readonly SampleWriterOptions _options;
    private readonly SampleSpool _spool;
    private readonly TimeProvider _time;
    private readonly ILogger<SampleWriter> _logger;
    private readonly Channel<Sample> _queue;
    private readonly SemaphoreSlim _spoolSignal = new(0);

    public SampleWriter(ISampleDestination destination, SampleWriterOptions options, TimeProvider time, ILogger<SampleWriter> logger)
    {
        _destination = destination;
        _options = options;
        _time = time;
        _logger = logger;
        _spool = new SampleSpool(options.SpoolDirectory, options.SpoolMaxBytes, logger);
        _queue = Channel.CreateBounded<Sample>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public SampleSpool Spool => _spool;

    public ValueTask AddAsync(Sample sample, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(sample, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var replay = ReplaySpoolAsync(stoppingToken);
        var batch = new List<Sample>(_options.BatchSize);
        try
        {
            while (true)
            {
                await FillBatchAsync(batch, stoppingToken);
                await DeliverAsync(batch, stoppingToken);
                batch = new List<Sample>(_options.BatchSize);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. The batch in hand may be half written; writing it again later is harmless,
            // since a store keeps one sample per series and millisecond.
        }

        await replay;
        KeepForNextStart(batch);
    }

    /// <summary>Stops, then keeps what is still queued (ExecuteAsync may never have run if the host stopped at once).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var queued = new List<Sample>();
        while (_queue.Reader.TryRead(out var sample))
        {
            queued.Add(sample);
        }

        KeepForNextStart(queued);
    }

    private void KeepForNextStart(List<Sample> samples)
    {
        if (samples.Count > 0)
        {
            _spool.Append(samples);
            LogSpooledAtShutdown(samples.Count);
        }
    }

    /// <summary>Waits for a first sample, then fills the batch until it is full or the flush interval has passed.</summary>
    private async Task FillBatchAsync(List<Sample> batch, CancellationToken stoppingToken)
    {
        await _queue.Reader.WaitToReadAsync(stoppingToken);
        var deadline = _time.GetTimestamp() + (long)(_options.FlushInterval.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var sample))
            {
                batch.Add(sample);
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (batch.Count >= _options.BatchSize || remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var flushTimer = new CancellationTokenSource(remaining, _time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, flushTimer.Token);
            try
            {
                await _queue.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(List<Sample> batch, CancellationToken stoppingToken)
    {
        if (_spool.IsEmpty && await TryWriteAsync(batch, stoppingToken))
        {
            return;
        }

        try
        {
            _spool.Append(batch);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Neither the destination nor the disk can take the batch: say so loudly, and keep going for the next one.
            SampleWriterMetrics.Lost.Add(batch.Count);
            LogLost(exception, batch.Count);
            return;
        }

        SampleWriterMetrics.Spooled.Add(batch.Count);
        _spoolSignal.Release();
    }

    /// <returns>False when the destination is unreachable and the batch must be kept.</returns>
    private async Task<bool> TryWriteAsync(IReadOnlyList<Sample> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _destination.WriteAsync(batch, cancellationToken);
            SampleWriterMetrics.Written.Add(batch.Count);
            return true;
        }
        catch (SampleStoreUnavailableException exception)
        {
            LogUnavailable(batch.Count, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is not (SampleWriteRejectedException or OperationCanceledException))
        {
            // Not a failure the destination described: keep the batch and retry rather than lose it or stop writing.
            LogUnexpectedFailure(exception, batch.Count);
            return false;
        }
        catch (SampleWriteRejectedException exception)
        {
            SampleWriterMetrics.Written.Add(batch.Count - exception.DroppedSamples);
            SampleWriterMetrics.Rejected.Add(exception.DroppedSamples);
            LogRejected(exception.DroppedSamples, batch.Count, exception.Message);
            return true;
        }
    }

    private async Task ReplaySpoolAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_spool.Peek() is not { } oldest)
                {
                    await _spoolSignal.WaitAsync(stoppingToken);
                    continue;
                }

                if (await TryWriteAsync(oldest.Samples, stoppingToken))
                {
                    _spool.Remove(oldest);
                    delay = TimeSpan.FromMilliseconds(250);
                    if (_spool.IsEmpty)
                    {
                        LogSpoolReplayed();
                    }

                    continue;
                }

                await Task.Delay(delay, _time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the spool stays on disk and is replayed at the next start.
        }
    }

    public override void Dispose()
    {
        _spool.Dispose();
        _spoolSignal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} samples kept in the spool: {Reason}")]
    private partial void LogUnavailable(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} samples failed unexpectedly; they are kept in the spool and retried")]
    private partial void LogUnexpectedFailure(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} samples are lost: the destination is unreachable and the spool cannot be written")]
    private partial void LogLost(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Dropped} of {Count} samples refused; the rest were stored: {Reason}")]
    private partial void LogRejected(int dropped, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool replayed: every kept sample has been delivered")]
    private partial void LogSpoolReplayed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} queued samples kept in the spool for the next start")]
    private partial void LogSpooledAtShutdown(int count);
}
