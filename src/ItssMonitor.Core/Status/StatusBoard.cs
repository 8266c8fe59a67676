using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.Core.Status;

/// <summary>
/// The live state of every service and check, fed by every sample on the ingest path (probed or pushed)
/// and by the clock (staleness). It remembers which services changed since they were last taken, so the
/// broadcaster sends each change once, with its latest state. A service in an open maintenance window shows
/// <see cref="ServiceState.Maintenance"/> whatever its checks say. Pure logic and thread-safe; the caller
/// passes the time in.
/// </summary>
public sealed class StatusBoard
{
    private const int TrendLength = 30;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServiceEntry> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _relayedChanged = new(StringComparer.Ordinal);
    private MaintenanceCalendar _maintenance = MaintenanceCalendar.Empty;

    /// <summary>
    /// Tracks the services, checks and maintenance windows of a (new) configuration: new services and checks start
    /// unknown, removed ones are forgotten, unchanged checks keep their state.
    /// </summary>
    public void Configure(MonitoringConfiguration configuration, DateTimeOffset now)
    {
        lock (_lock)
        {
            _maintenance = configuration.Maintenance;
            var wanted = configuration.Services.ToDictionary(service => service.Name, StringComparer.Ordinal);
            foreach (var gone in _services.Keys.Where(name => !wanted.ContainsKey(name)).ToList())
            {
                _services.Remove(gone);
                _changed.Remove(gone);
            }

            var open = _maintenance.OpenAt(now);
            foreach (var definition in configuration.Services)
            {
                if (!_services.TryGetValue(definition.Name, out var service))
                {
                    service = _services[definition.Name] = new ServiceEntry(definition.Name, now);
                }

                service.Configure(definition, now);
                service.MaintenanceWindow = WindowFor(service.Name, open);
                Refresh(service, now);
            }
        }
    }

    /// <summary>
    /// Puts services in and out of maintenance as their windows open and close: the clock does that, not a sample,
    /// so the caller ticks this (and every snapshot applies it to its own time). <paramref name="calendar"/> is the
    /// one in force now, which may differ from the configuration's when operators start or end windows at run time.
    /// </summary>
    public void FollowMaintenance(MaintenanceCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        lock (_lock)
        {
            // A calendar that lost its last window must still take its services out of maintenance: apply it in full.
            var replaced = !ReferenceEquals(calendar, _maintenance);
            _maintenance = calendar;
            ApplyMaintenance(now, replaced);
        }
    }

    /// <summary>Applies a sample; samples older than the check's last one (a replay) update nothing.</summary>
    /// <returns>The check's transition, if the sample caused one.</returns>
    public CheckTransition? Observe(CheckSample sample)
    {
        lock (_lock)
        {
            return Apply(sample, _changed);
        }
    }

    /// <summary>
    /// Applies a sample another node took or ingested, as <see cref="Observe"/> does, but does not queue its service
    /// as a change: the node it came from announces it (its broadcast reaches every hub client through the backplane,
    /// and it raises the alerts), so announcing it here too would send everything twice. This node's own pages still
    /// want it: see <see cref="TakeRelayedChanges"/>. A batch is applied under one lock.
    /// </summary>
    public void ObserveRelayed(params IReadOnlyList<CheckSample> samples)
    {
        lock (_lock)
        {
            foreach (var sample in samples)
            {
                Apply(sample, _relayedChanged);
            }
        }
    }

    // Applies the sample and notes its service in `changed` (to announce, or relayed); the caller holds the lock.
    private CheckTransition? Apply(CheckSample sample, HashSet<string> changed)
    {
        if (!_services.TryGetValue(sample.Service, out var service))
        {
            // Pushed for a service the configuration does not declare (allowed by the ingest policy).
            service = _services[sample.Service] = new ServiceEntry(sample.Service, sample.Timestamp);
        }

        var check = service.CheckFor(sample);
        if (check.LastSampleAt >= sample.Timestamp)
        {
            return null;
        }

        var transition = check.Observe(sample);
        service.Record(sample, TrendLength);
        service.Refresh(sample.Timestamp);
        changed.Add(service.Name);
        return transition;
    }

    /// <summary>Marks stale every configured check with no sample in its expected time: its interval for a push check, twice its interval for a probed one.</summary>
    public IReadOnlyList<CheckTransition> MarkStale(DateTimeOffset now)
    {
        var transitions = new List<CheckTransition>();
        lock (_lock)
        {
            foreach (var service in _services.Values)
            {
                var before = transitions.Count;
                transitions.AddRange(service.Checks.Values.Select(check => check.MarkStaleIfSilent(now)).OfType<CheckTransition>());
                if (transitions.Count > before)
                {
                    Refresh(service, now);
                }
            }
        }

        return transitions;
    }

    /// <summary>Every service, worst first.</summary>
    public IReadOnlyList<ServiceStatus> Snapshot(DateTimeOffset now)
    {
        lock (_lock)
        {
            ApplyMaintenance(now);
            return _services.Values.Select(service => service.Status(now))
                .OrderBy(status => status.State)
                .ThenBy(status => status.Service, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>One service's status (names compare exactly), or null when the board does not know it.</summary>
    public ServiceStatus? Find(string service, DateTimeOffset now)
    {
        lock (_lock)
        {
            ApplyMaintenance(now);
            return _services.TryGetValue(service, out var entry) ? entry.Status(now) : null;
        }
    }

    /// <summary>The services that changed since the last call, each once with its latest state: the changes to announce.</summary>
    public IReadOnlyList<ServiceStatus> TakeChanges(DateTimeOffset now)
    {
        lock (_lock)
        {
            // An announced service carries its relayed samples' effect too: no need to hand it out twice.
            _relayedChanged.ExceptWith(_changed);
            return Take(_changed, now);
        }
    }

    /// <summary>
    /// The services that changed through relayed samples only since the last call: not to announce (their origin
    /// does), but to show on this node's pages, which hear of changes only from this node.
    /// </summary>
    public IReadOnlyList<ServiceStatus> TakeRelayedChanges(DateTimeOffset now)
    {
        lock (_lock)
        {
            return Take(_relayedChanged, now);
        }
    }

    private List<ServiceStatus> Take(HashSet<string> changed, DateTimeOffset now)
    {
        var changes = changed.Where(_services.ContainsKey).Select(name => _services[name].Status(now)).ToList();
        changed.Clear();
        return changes;
    }

    private static string? WindowFor(string service, IReadOnlyList<MaintenanceWindow> open) => open.FirstOrDefault(window => window.AppliesTo(service))?.Name;

    private void ApplyMaintenance(DateTimeOffset now, bool replaced = false)
    {
        // Without windows every service is already out of maintenance (Configure or the replacing call saw to it): nothing to evaluate.
        if (_maintenance.Windows.Count == 0 && !replaced)
        {
            return;
        }

        // Which windows are open is the same for every service: worked out once, not once per service.
        var open = _maintenance.OpenAt(now);
        foreach (var service in _services.Values)
        {
            var window = WindowFor(service.Name, open);
            if (window != service.MaintenanceWindow)
            {
                service.MaintenanceWindow = window;
                Refresh(service, now);
            }
        }
    }

    private void Refresh(ServiceEntry service, DateTimeOffset now)
    {
        service.Refresh(now);
        _changed.Add(service.Name);
    }

    private sealed class ServiceEntry(string name, DateTimeOffset since)
    {
        private readonly AvailabilityWindow _availability = new();
        private readonly Queue<double> _trend = new();

        public string Name { get; } = name;

        public ServiceDefinition? Definition { get; private set; }

        public Dictionary<string, CheckEntry> Checks { get; } = new(StringComparer.Ordinal);

        public ServiceState State { get; private set; } = ServiceState.Unknown;

        public DateTimeOffset Since { get; private set; } = since;

        public DateTimeOffset UpdatedAt { get; private set; } = since;

        /// <summary>The open maintenance window's name (the first in the file when several are open), or null.</summary>
        public string? MaintenanceWindow { get; set; }

        public void Configure(ServiceDefinition definition, DateTimeOffset now)
        {
            Definition = definition;
            var wanted = definition.Checks.ToDictionary(check => check.Name, StringComparer.Ordinal);
            foreach (var gone in Checks.Keys.Where(check => !wanted.ContainsKey(check)).ToList())
            {
                Checks.Remove(gone);
            }

            foreach (var check in definition.Checks)
            {
                if (!Checks.TryGetValue(check.Name, out var entry) || entry.Definition != check)
                {
                    Checks[check.Name] = new CheckEntry(Name, check.Name, check.Kind, check, now);
                }
            }
        }

        public CheckEntry CheckFor(CheckSample sample)
        {
            if (!Checks.TryGetValue(sample.Check, out var check))
            {
                check = Checks[sample.Check] = new CheckEntry(Name, sample.Check, sample.Kind, null, sample.Timestamp);
            }

            return check;
        }

        public void Record(CheckSample sample, int trendLength)
        {
            _availability.Record(sample.Timestamp, sample.Up);
            if (LatencyMs is { } latency)
            {
                _trend.Enqueue(latency);
                while (_trend.Count > trendLength)
                {
                    _trend.Dequeue();
                }
            }
        }

        /// <summary>The slowest check's latest latency: the service is as fast as its slowest part.</summary>
        private double? LatencyMs => Checks.Values.Max(check => check.LatencyMs);

        public void Refresh(DateTimeOffset now)
        {
            // Planned downtime is expected: a service that is down in its window shows maintenance, not down.
            var state = MaintenanceWindow is not null
                ? ServiceState.Maintenance
                : ServiceRollup.StateOf(Checks.Values.Select(check => check.State).ToList(), LatencyMs, Definition?.Sla);
            if (state != State)
            {
                State = state;
                Since = now;
            }

            UpdatedAt = now;
        }

        public ServiceStatus Status(DateTimeOffset now) => new(
            Name,
            Definition?.Team ?? "",
            Definition?.Tags ?? [],
            State,
            Since,
            UpdatedAt,
            LatencyMs,
            _availability.Value(now),
            _trend.ToList(),
            Checks.Values.OrderBy(check => check.Check, StringComparer.Ordinal).Select(check => check.Status()).ToList())
        {
            MaintenanceWindow = MaintenanceWindow,
        };
    }

    private sealed class CheckEntry(string service, string check, string kind, CheckDefinition? definition, DateTimeOffset since)
    {
        private readonly CheckConfirmation _confirmation = new(definition?.FailuresBeforeDown ?? CheckDefinition.DefaultFailuresBeforeDown);
        private DateTimeOffset _since = since;
        private bool? _lastUp;
        private string? _error;

        public string Check { get; } = check;

        /// <summary>Null for a check that only pushes samples without being declared.</summary>
        public CheckDefinition? Definition { get; } = definition;

        public CheckState State => _confirmation.State;

        public DateTimeOffset? LastSampleAt { get; private set; }

        public double? LatencyMs { get; private set; }

        public CheckTransition? Observe(CheckSample sample)
        {
            LastSampleAt = sample.Timestamp;
            _lastUp = sample.Up;
            LatencyMs = sample.LatencyMs;
            _error = sample.Error;
            var from = State;
            return _confirmation.Observe(sample.Up) ? Transition(from, sample.Timestamp, sample.Error) : null;
        }

        public CheckTransition? MarkStaleIfSilent(DateTimeOffset now)
        {
            if (Definition is not { } check)
            {
                return null;
            }

            var allowed = check.Kind == CheckKinds.Push ? check.Interval : check.Interval * 2;
            var from = State;
            return now - (LastSampleAt ?? _since) > allowed && _confirmation.MarkStale()
                ? Transition(from, now, $"no sample for more than {allowed.TotalSeconds:0} s")
                : null;
        }

        public CheckStatus Status() => new(service, Check, kind, State, _since, LastSampleAt, _lastUp, LatencyMs, _error);

        private CheckTransition Transition(CheckState from, DateTimeOffset at, string? reason)
        {
            _since = at;
            return new CheckTransition(service, Check, from, State, at, reason);
        }
    }
}
