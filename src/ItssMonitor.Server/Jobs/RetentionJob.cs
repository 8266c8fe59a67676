using Hangfire;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Jobs;

/// <summary>Deletes raw samples older than <c>Retention:RawDays</c> and rollups older than <c>Retention:RollupDays</c>. Idempotent.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
[AutomaticRetry(Attempts = 0)] // the next tick deletes the same and more
public sealed partial class RetentionJob(ISampleStore store, TimeProvider time, IOptions<RetentionOptions> retention, ILogger<RetentionJob> logger)
{
    public const string Id = "retention";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rawCutoff = now - TimeSpan.FromDays(retention.Value.RawDays);
        var rollupCutoff = now - TimeSpan.FromDays(retention.Value.RollupDays);
        await store.DeleteOlderThanAsync(rawCutoff, cancellationToken);
        await store.DeleteRollupsOlderThanAsync(rollupCutoff, cancellationToken);
        LogPruned(rawCutoff, rollupCutoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention job: raw samples before {RawCutoff:u} and rollups before {RollupCutoff:u} deleted")]
    private partial void LogPruned(DateTimeOffset rawCutoff, DateTimeOffset rollupCutoff);
}
