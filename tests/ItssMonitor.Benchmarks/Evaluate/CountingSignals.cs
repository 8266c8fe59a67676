using System.Diagnostics;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.Benchmarks.Evaluate;

/// <summary>
/// Takes the tick's verdict, keeps how many alerts fired, and hands it on to <paramref name="engine"/> when there is one,
/// timing that hand-over: the alert engine's own share of a tick.
/// </summary>
internal sealed class CountingSignals(IAlertSignals? engine = null) : IAlertSignals
{
    public int LastFiring { get; private set; }

    /// <summary>How long each verdict took the engine, in milliseconds (empty without an engine).</summary>
    public List<double> EngineMilliseconds { get; } = [];

    public Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken) => throw new InvalidOperationException("The SLA job reports its verdict in one call.");

    public Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken) => throw new InvalidOperationException("The SLA job reports its verdict in one call.");

    public async Task ReportAsync(IReadOnlyCollection<string> rules, IReadOnlyList<AlertSignal> firing, CancellationToken cancellationToken)
    {
        LastFiring = firing.Count;
        if (engine is not null)
        {
            var stopwatch = Stopwatch.StartNew();
            await engine.ReportAsync(rules, firing, cancellationToken);
            EngineMilliseconds.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }
}
