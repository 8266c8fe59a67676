using Hangfire;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Reports;
using ItssMonitor.Server.Security;
using ItssMonitor.Server.Sla;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Jobs;

/// <summary>
/// Registers the recurring jobs at start under stable ids. Every node does it; AddOrUpdate of the same id is
/// idempotent, so nodes sharing one storage keep one schedule per job.
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurringJobs, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        Register("Jobs:RollupSchedule", jobs.RollupSchedule, schedule =>
            recurringJobs.AddOrUpdate<RollupJob>(RollupJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        Register("Jobs:RetentionSchedule", jobs.RetentionSchedule, schedule =>
            recurringJobs.AddOrUpdate<RetentionJob>(RetentionJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        Register("Jobs:SlaEvaluationSchedule", jobs.SlaEvaluationSchedule, schedule =>
            recurringJobs.AddOrUpdate<SlaEvaluationJob>(SlaEvaluationJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        Register("Jobs:SecurityEvaluationSchedule", jobs.SecurityEvaluationSchedule, schedule =>
            recurringJobs.AddOrUpdate<SecurityEvaluationJob>(SecurityEvaluationJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        Register("Jobs:AlertReviewSchedule", jobs.AlertReviewSchedule, schedule =>
            recurringJobs.AddOrUpdate<AlertReviewJob>(AlertReviewJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        Register("Jobs:SlaReportSchedule", jobs.SlaReportSchedule, schedule =>
            recurringJobs.AddOrUpdate<SlaReportMailJob>(SlaReportMailJob.Id, job => job.RunAsync(CancellationToken.None), schedule, utc));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Register(string key, string schedule, Action<string> addOrUpdate)
    {
        try
        {
            addOrUpdate(schedule);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{key} '{schedule}' is not a valid cron expression: {exception.Message}", exception);
        }
    }
}
