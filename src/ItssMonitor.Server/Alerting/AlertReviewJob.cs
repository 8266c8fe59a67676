using Hangfire;

namespace ItssMonitor.Server.Alerting;

/// <summary>
/// What time alone does to open alerts, every minute: re-notify what nobody acknowledged, release what flap damping
/// held back. Idempotent: a second run at the same moment finds nothing due.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 5 * 60)]
[AutomaticRetry(Attempts = 0)] // the next minute's run does the same work
public sealed class AlertReviewJob(AlertEngine engine)
{
    public const string Id = "alert-review";

    public Task RunAsync(CancellationToken cancellationToken) => engine.ReviewAsync(cancellationToken);
}
