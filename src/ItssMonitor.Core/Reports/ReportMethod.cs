namespace ItssMonitor.Core.Reports;

/// <summary>
/// The accounting method, in words, printed on every report (JSON, CSV, PDF, page) so an auditor can recompute
/// every figure from the raw <c>check_result</c> samples. It describes what <see cref="TimeBasedAccounting"/>,
/// <see cref="RollupAccounting"/> and <see cref="ServiceSlaReport"/> do; change them together.
/// </summary>
public static class ReportMethod
{
    public static IReadOnlyList<string> Describe(DateTimeOffset? sampleBasedBefore)
    {
        List<string> lines =
        [
            "Time-based accounting from raw check_result samples of the checks configured for each service; all times UTC; the range is [from, to), cut at the generation time when it reaches into the future.",
            "Check state: each sample's confirmed state holds until the check's next sample. A check is down after failuresBeforeDown consecutive failed samples (every location together), and then from the first failed sample of that run; one successful sample brings it back up. A failure run shorter than failuresBeforeDown is not downtime.",
            "Missing data: when two consecutive samples of a check are more than 2 x interval + timeout apart (or the last sample is that far from the range's end, or there is no sample before a time), the whole gap is missing data for that check; samples from interval x failuresBeforeDown + that limit before the range are read to know the state at its start.",
            "Service state, the status board's roll-up of its configured checks: down when every check is down; otherwise, when no check is down, missing data if some check is missing data or no check is up yet; up otherwise (some checks down is degraded, which is up).",
            "Maintenance: the service's maintenance windows (their occurrences are listed) are neither downtime nor measured time, whatever the checks said.",
            "Availability = 1 - downtime / (range - maintenance - missing data). Met: availability >= target and, when a latency objective is set, p95 latency <= objective.",
            "Latency p95: nearest-rank 95th percentile of the latencies of every sample in the range outside maintenance.",
            "Error budget left = 1 - (1 - availability) / (1 - target). Incidents: alert occurrences of the service opened in the range (any rule); MTTA and MTTR are means over the incidents acknowledged or resolved.",
            "12-month trend: sample-based, sum(up_count) / sum(count) of the hourly rollups of each month (maintenance not excluded).",
        ];
        if (sampleBasedBefore is { } cutoff)
        {
            lines.Add($"Raw samples are kept for a limited time: before {cutoff:yyyy-MM-dd HH:mm} UTC the figures are sample-based from hourly rollups: each hour's time outside maintenance is down in the share of its samples that failed, and an hour without a rollup is missing data.");
        }

        return lines;
    }
}
