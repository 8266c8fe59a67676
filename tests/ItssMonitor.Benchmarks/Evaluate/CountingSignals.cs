using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.Benchmarks.Evaluate;

/// <summary>Takes the tick's verdict and keeps only how many alerts fired: the alert engine's own cost is not what this scenario measures.</summary>
internal sealed class CountingSignals : IAlertSignals
{
    public int LastFiring { get; private set; }

    public Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken) => throw new InvalidOperationException("The SLA job reports its verdict in one call.");

    public Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken) => throw new InvalidOperationException("The SLA job reports its verdict in one call.");

    public Task ReportAsync(IReadOnlyCollection<string> rules, IReadOnlyList<AlertSignal> firing, CancellationToken cancellationToken)
    {
        LastFiring = firing.Count;
        return Task.CompletedTask;
    }
}
