using Hangfire;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Jobs;

/// <summary>
/// Writes <c>check_rollup_1h</c> for every completed hour not rolled up yet, and rolls up the last two completed
/// hours again so that samples arriving late (agents delivering their spool) are counted. Idempotent: a rollup of
/// an hour replaces the stored one.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
[AutomaticRetry(Attempts = 0)] // the next tick does the same work; retries would only pile up behind it
public sealed partial class RollupJob(ISampleStore store, TimeProvider time, IOptions<RetentionOptions> retention, ILogger<RollupJob> logger)
{
    public const string Id = "rollup";

    /// <summary>Hours rolled up again on every run so that late samples are counted.</summary>
    public static readonly TimeSpan LateSampleHorizon = TimeSpan.FromHours(2);

    // One query per day of hours, so a first run over weeks of raw data never asks the store for everything at once.
    private static readonly TimeSpan Chunk = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var currentHour = HourlyRollup.HourOf(time.GetUtcNow());
        var oldestRaw = currentHour - TimeSpan.FromDays(retention.Value.RawDays);
        var newest = await store.GetNewestRollupHourAsync(cancellationToken);
        var from = newest is { } hour ? Min(hour + HourlyRollup.Length, currentHour - LateSampleHorizon) : oldestRaw;
        from = Max(from, oldestRaw);

        var written = 0;
        for (var start = from; start < currentHour; start += Chunk)
        {
            var window = new TimeWindow(start, Min(start + Chunk, currentHour));
            var rollups = await store.ComputeHourlyRollupsAsync(window, cancellationToken);
            await store.WriteRollupsAsync(rollups, cancellationToken);
            written += rollups.Count;
        }

        LogRolledUp(from, currentHour, written);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollup job: {Rollups} hourly rollups written for {From:u} to {To:u}")]
    private partial void LogRolledUp(DateTimeOffset from, DateTimeOffset to, int rollups);
}
