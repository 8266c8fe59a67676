using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Jobs;

/// <summary>Configuration sections <c>Hangfire</c> (storage, polling) and <c>Jobs</c> (schedules of the recurring jobs).</summary>
public sealed class JobsOptions : IValidatableObject
{
    /// <summary>How often the server looks for due scheduled and recurring jobs (<c>Hangfire:SchedulePollingInterval</c>).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron expression of the rollup job (<c>Jobs:RollupSchedule</c>), five fields, or six with seconds first.</summary>
    public string RollupSchedule { get; set; } = "*/5 * * * *";

    /// <summary>Cron expression of the retention job (<c>Jobs:RetentionSchedule</c>).</summary>
    public string RetentionSchedule { get; set; } = "17 * * * *";

    /// <summary>Cron expression of the SLA evaluation job (<c>Jobs:SlaEvaluationSchedule</c>), every minute by default.</summary>
    public string SlaEvaluationSchedule { get; set; } = "* * * * *";

    /// <summary>Cron expression of the security evaluation job (<c>Jobs:SecurityEvaluationSchedule</c>), every minute by default.</summary>
    public string SecurityEvaluationSchedule { get; set; } = "* * * * *";

    /// <summary>Cron expression of the alert review (<c>Jobs:AlertReviewSchedule</c>): re-fire and flap damping.</summary>
    public string AlertReviewSchedule { get; set; } = "* * * * *";

    /// <summary>Cron expression of the monthly SLA report mail (<c>Jobs:SlaReportSchedule</c>), 06:00 UTC on the 1st by default.</summary>
    public string SlaReportSchedule { get; set; } = "0 6 1 * *";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SchedulePollingInterval < TimeSpan.FromMilliseconds(100) || SchedulePollingInterval > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"Hangfire:SchedulePollingInterval must be between 100 ms and 5 min (got {SchedulePollingInterval}).", [nameof(SchedulePollingInterval)]);
        }

        foreach (var (key, value) in new[] { ("Jobs:RollupSchedule", RollupSchedule), ("Jobs:RetentionSchedule", RetentionSchedule),
            ("Jobs:SlaEvaluationSchedule", SlaEvaluationSchedule), ("Jobs:SecurityEvaluationSchedule", SecurityEvaluationSchedule),
            ("Jobs:AlertReviewSchedule", AlertReviewSchedule), ("Jobs:SlaReportSchedule", SlaReportSchedule) })
        {
            if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
            {
                yield return new ValidationResult($"{key} '{value}' is not a cron expression of 5 fields (or 6 with seconds first), e.g. '*/5 * * * *'.", [key]);
            }
        }
    }
}
