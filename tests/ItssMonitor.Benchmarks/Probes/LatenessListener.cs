using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ItssMonitor.Core.Statistics;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>Collects the scheduler's <c>probe_schedule_lateness_ms</c> measurements while <see cref="Recording"/> is on.</summary>
internal sealed class LatenessListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _values = new();
    private bool _recording;

    public LatenessListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "ItssMonitor.Collectors", Name: "probe_schedule_lateness_ms" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            if (Volatile.Read(ref _recording))
            {
                _values.Enqueue(value);
            }
        });
        _listener.Start();
    }

    public bool Recording
    {
        get => Volatile.Read(ref _recording);
        set => Volatile.Write(ref _recording, value);
    }

    public (double? P50, double? P99, double? Max) Percentiles()
    {
        var sorted = _values.Order().ToList();
        return (Percentile.NearestRank(sorted, 50), Percentile.NearestRank(sorted, 99), sorted.Count == 0 ? null : sorted[^1]);
    }

    public void Dispose() => _listener.Dispose();
}
