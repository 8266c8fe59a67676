using System.Diagnostics;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// Plays Prometheus for the blackbox exporter: GETs its /probe URL at the scenario's rate (checks per interval,
/// spread evenly), with at most <see cref="MaxConcurrency"/> requests in flight, until cancelled.
/// </summary>
internal sealed class ProbeDriver(HttpClient http, Uri probeUrl, ProbeScenarioOptions options)
{
    public const int MaxConcurrency = 64;

    private readonly SemaphoreSlim _inFlight = new(MaxConcurrency);
    private long _probes;
    private long _up;

    /// <summary>Probe answers received so far, and how many of them said <c>probe_success 1</c>.</summary>
    public (long Probes, long Up) Counts => (Interlocked.Read(ref _probes), Interlocked.Read(ref _up));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var spacing = options.Interval / options.Checks;
        var started = Stopwatch.GetTimestamp();
        var requests = new List<Task>();
        try
        {
            for (long k = 0; ; k++)
            {
                // Due times come from the start, not from the last request, so a late wake-up is caught up and the rate holds.
                var wait = spacing * k - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                await _inFlight.WaitAsync(cancellationToken);
                requests.Add(ProbeOnceAsync(cancellationToken));
                requests.RemoveAll(request => request.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(requests);
        }
    }

    private async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metrics = await http.GetStringAsync(probeUrl, cancellationToken);
            Interlocked.Increment(ref _probes);
            if (metrics.Contains("\nprobe_success 1", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _up);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Not counted: an exporter that does not answer has not probed.
        }
        finally
        {
            _inFlight.Release();
        }
    }
}
