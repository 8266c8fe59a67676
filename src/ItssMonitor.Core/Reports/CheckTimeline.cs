using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Status;

namespace ItssMonitor.Core.Reports;

/// <summary>
/// One check's confirmed state over time, replayed from its raw samples through the same
/// <see cref="CheckConfirmation"/> the live status board uses: each sample's state holds until the next sample;
/// a confirmed outage reaches back to the first failing sample of the run that confirmed it; a gap between two
/// samples longer than <see cref="MissingDataAfter"/> is stale (missing data) as a whole.
/// </summary>
public sealed class CheckTimeline
{
    private readonly List<(DateTimeOffset From, DateTimeOffset To, CheckState State)> _segments = [];

    /// <param name="samples">The check's samples (every location), oldest first.</param>
    /// <param name="end">Where the last sample's state ends at the latest (the range's end).</param>
    public CheckTimeline(CheckDefinition check, IEnumerable<CheckSample> samples, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(samples);
        var limit = MissingDataAfter(check);
        var confirmation = new CheckConfirmation(check.FailuresBeforeDown);
        var runStart = -1;
        foreach (var sample in samples)
        {
            if (_segments.Count > 0)
            {
                var last = _segments[^1];
                var gap = sample.Timestamp - last.From > limit;
                if (gap)
                {
                    confirmation.MarkStale();
                }

                _segments[^1] = (last.From, sample.Timestamp, gap ? CheckState.Stale : last.State);
            }

            var wasDown = confirmation.State == CheckState.Down;
            confirmation.Observe(sample.Up);
            runStart = sample.Up ? -1 : runStart < 0 ? _segments.Count : runStart;
            if (confirmation.State == CheckState.Down && !wasDown)
            {
                // Down since the first failing sample of the confirming run; a gap inside it stays missing data.
                for (var i = runStart; i < _segments.Count; i++)
                {
                    if (_segments[i].State != CheckState.Stale)
                    {
                        _segments[i] = _segments[i] with { State = CheckState.Down };
                    }
                }
            }

            _segments.Add((sample.Timestamp, sample.Timestamp, confirmation.State));
        }

        if (_segments.Count > 0 && _segments[^1].From < end)
        {
            var last = _segments[^1];
            _segments[^1] = (last.From, end, end - last.From > limit ? CheckState.Stale : last.State);
        }

        Merge();
    }

    /// <summary>Joins neighbouring segments of one state: a month at 10 s is 260,000 samples but a handful of state changes.</summary>
    private void Merge()
    {
        var merged = 0;
        for (var i = 1; i < _segments.Count; i++)
        {
            if (_segments[i].State == _segments[merged].State && _segments[i].From == _segments[merged].To)
            {
                _segments[merged] = _segments[merged] with { To = _segments[i].To };
            }
            else
            {
                _segments[++merged] = _segments[i];
            }
        }

        if (_segments.Count > 0)
        {
            _segments.RemoveRange(merged + 1, _segments.Count - merged - 1);
        }
    }

    /// <summary>A silence longer than two intervals plus the timeout: two probe runs missed, not a slow answer.</summary>
    public static TimeSpan MissingDataAfter(CheckDefinition check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return (2 * check.Interval) + check.Timeout;
    }

    /// <summary>How far before a range samples must be read to know the check's confirmed state at its start.</summary>
    public static TimeSpan Lookback(CheckDefinition check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return (check.Interval * check.FailuresBeforeDown) + MissingDataAfter(check);
    }

    /// <summary>Every time a segment starts or ends.</summary>
    public IEnumerable<DateTimeOffset> Boundaries => _segments.SelectMany(segment => new[] { segment.From, segment.To });

    /// <summary>The state at <paramref name="at"/>; unknown before the first sample.</summary>
    public CheckState StateAt(DateTimeOffset at)
    {
        int low = 0, high = _segments.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var segment = _segments[middle];
            if (at < segment.From)
            {
                high = middle - 1;
            }
            else if (at >= segment.To)
            {
                low = middle + 1;
            }
            else
            {
                return segment.State;
            }
        }

        return CheckState.Unknown;
    }
}
