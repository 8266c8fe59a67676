using System.Collections.Concurrent;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Server.Alerting;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>Records what a job reports to the alert engine: the job's verdict is exactly the output under test.</summary>
internal sealed class RecordingAlertSignals : IAlertSignals
{
    public ConcurrentQueue<(IReadOnlyCollection<string> Rules, IReadOnlyList<AlertSignal> Firing)> Reports { get; } = new();

    public ConcurrentQueue<string> OtherCalls { get; } = new();

    public Task RaiseAsync(AlertSignal signal, CancellationToken cancellationToken)
    {
        OtherCalls.Enqueue($"raise {signal.Fingerprint}");
        return Task.CompletedTask;
    }

    public Task ClearAsync(AlertFingerprint fingerprint, CancellationToken cancellationToken)
    {
        OtherCalls.Enqueue($"clear {fingerprint}");
        return Task.CompletedTask;
    }

    public Task ReportAsync(IReadOnlyCollection<string> rules, IReadOnlyList<AlertSignal> firing, CancellationToken cancellationToken)
    {
        Reports.Enqueue((rules, firing));
        return Task.CompletedTask;
    }

    /// <summary>The one report a tick made; fails when the job reported more or less, or went around ReportAsync.</summary>
    public (IReadOnlyCollection<string> Rules, IReadOnlyList<AlertSignal> Firing) SingleReport()
    {
        Assert.Empty(OtherCalls);
        return Assert.Single(Reports);
    }
}
