using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Status;

/// <summary>
/// The confirmed state of every check, fed by every sample on the ingest path (probed or pushed) and
/// by the clock (staleness). Pure logic and thread-safe; the caller passes the time in.
/// </summary>
public sealed class StatusBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Service, string Check), Entry> _checks = [];

    /// <summary>Tracks the checks of a (new) configuration: new ones start unknown, removed ones are forgotten, the rest keep their state.</summary>
    public void Configure(MonitoringConfiguration configuration, DateTimeOffset now)
    {
        lock (_lock)
        {
            var wanted = configuration.AllChecks.ToDictionary(pair => (pair.Service.Name, pair.Check.Name), pair => pair.Check);
            foreach (var key in _checks.Keys.Where(key => !wanted.ContainsKey(key)).ToList())
            {
                _checks.Remove(key);
            }

            foreach (var (key, check) in wanted)
            {
                if (_checks.TryGetValue(key, out var entry) && entry.Definition == check)
                {
                    continue;
                }

                _checks[key] = new Entry(key.Item1, key.Item2, check.Kind, check, new CheckConfirmation(check.FailuresBeforeDown), now);
            }
        }
    }

    /// <summary>Applies a sample; samples older than the check's last one (a replay) update nothing.</summary>
    /// <returns>The transition it caused, if any.</returns>
    public CheckTransition? Observe(CheckSample sample)
    {
        lock (_lock)
        {
            var key = (sample.Service, sample.Check);
            if (!_checks.TryGetValue(key, out var entry))
            {
                // Pushed for a check the configuration does not declare (allowed by the ingest policy).
                entry = new Entry(sample.Service, sample.Check, sample.Kind, null, new CheckConfirmation(CheckDefinition.DefaultFailuresBeforeDown), sample.Timestamp);
                _checks[key] = entry;
            }

            if (entry.LastSampleAt >= sample.Timestamp)
            {
                return null;
            }

            entry.LastSampleAt = sample.Timestamp;
            entry.LastUp = sample.Up;
            entry.LatencyMs = sample.LatencyMs;
            entry.Error = sample.Error;
            var from = entry.Confirmation.State;
            return entry.Confirmation.Observe(sample.Up) ? entry.Transition(from, sample.Timestamp, sample.Error) : null;
        }
    }

    /// <summary>Marks stale every configured check with no sample in its expected time: its interval for a push check, twice its interval for a probed one.</summary>
    public IReadOnlyList<CheckTransition> MarkStale(DateTimeOffset now)
    {
        var transitions = new List<CheckTransition>();
        lock (_lock)
        {
            foreach (var entry in _checks.Values)
            {
                if (entry.Definition is not { } check)
                {
                    continue;
                }

                var allowed = check.Kind == CheckKinds.Push ? check.Interval : check.Interval * 2;
                var from = entry.Confirmation.State;
                if (now - (entry.LastSampleAt ?? entry.Since) > allowed && entry.Confirmation.MarkStale())
                {
                    transitions.Add(entry.Transition(from, now, $"no sample for more than {allowed.TotalSeconds:0} s"));
                }
            }
        }

        return transitions;
    }

    public IReadOnlyList<CheckStatus> Snapshot()
    {
        lock (_lock)
        {
            return _checks.Values
                .Select(entry => new CheckStatus(entry.Service, entry.Check, entry.Kind, entry.Confirmation.State, entry.Since, entry.LastSampleAt, entry.LastUp, entry.LatencyMs, entry.Error))
                .OrderBy(status => status.Service, StringComparer.Ordinal)
                .ThenBy(status => status.Check, StringComparer.Ordinal)
                .ToList();
        }
    }

    private sealed class Entry(string service, string check, string kind, CheckDefinition? definition, CheckConfirmation confirmation, DateTimeOffset since)
    {
        public string Service { get; } = service;

        public string Check { get; } = check;

        public string Kind { get; } = kind;

        /// <summary>Null for a check that only pushes samples without being declared.</summary>
        public CheckDefinition? Definition { get; } = definition;

        public CheckConfirmation Confirmation { get; } = confirmation;

        public DateTimeOffset Since { get; private set; } = since;

        public DateTimeOffset? LastSampleAt { get; set; }

        public bool? LastUp { get; set; }

        public double? LatencyMs { get; set; }

        public string? Error { get; set; }

        public CheckTransition Transition(CheckState from, DateTimeOffset at, string? reason)
        {
            Since = at;
            return new CheckTransition(Service, Check, from, Confirmation.State, at, reason);
        }
    }
}
