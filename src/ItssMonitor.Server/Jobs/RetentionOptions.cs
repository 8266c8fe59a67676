using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Jobs;

/// <summary>Configuration section <c>Retention</c>: how long raw samples and hourly rollups are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days raw samples (check results, security events) are kept; the rollup job also backfills at most this far.</summary>
    [Range(1, 36_500, ErrorMessage = "Retention:RawDays must be a whole number of days from 1 to 36500.")]
    public int RawDays { get; set; } = 35;

    /// <summary>Days hourly rollups are kept; a year and a month by default so yearly reports still have last year's month.</summary>
    [Range(1, 36_500, ErrorMessage = "Retention:RollupDays must be a whole number of days from 1 to 36500.")]
    public int RollupDays { get; set; } = 400;
}
