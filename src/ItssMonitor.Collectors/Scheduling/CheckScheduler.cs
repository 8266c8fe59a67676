using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Collectors.Scheduling;

/// <summary>
/// Runs every configured check in its slot (see <see cref="ScheduleSpread"/>), at most
/// <see cref="SchedulerOptions.MaxConcurrentProbes"/> at a time, and hands each result to the sample sink.
/// A probe that overruns its timeout is abandoned and counted as a failure; it never holds up other checks.
/// Every check keeps its slots on every node; at each slot <see cref="ICheckOwnership"/> says whether this node
/// runs it, so a check that moves between nodes runs on its new owner from its next slot.
/// </summary>
public sealed partial class CheckScheduler : BackgroundService
{
    /// <summary>How long past its timeout a probe that ignores cancellation is waited for before it is abandoned.</summary>
    private static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(1);

    private readonly IMonitoringConfigurationSource _configuration;
    private readonly IReadOnlyDictionary<string, IProbe> _probes;
    private readonly ISampleSink _sink;
    private readonly ICheckOwnership _ownership;
    private readonly TimeProvider _time;
    private readonly SchedulerOptions _options;
    private readonly ILogger<CheckScheduler> _logger;
    private readonly SemaphoreSlim _concurrency;

    public CheckScheduler(
        IMonitoringConfigurationSource configuration,
        IEnumerable<IProbe> probes,
        ISampleSink sink,
        ICheckOwnership ownership,
        TimeProvider time,
        IOptions<SchedulerOptions> options,
        ILogger<CheckScheduler> logger)
    {
        _configuration = configuration;
        _probes = probes.ToDictionary(probe => probe.Kind, StringComparer.OrdinalIgnoreCase);
        _sink = sink;
        _ownership = ownership;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _concurrency = new SemaphoreSlim(_options.MaxConcurrentProbes);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new Dictionary<(string Service, string Check), ScheduledCheck>();
        try
        {
            await foreach (var configuration in _configuration.WatchAsync(stoppingToken))
            {
                Reconcile(configuration, running, stoppingToken);
            }

            // A source that never changes ends its sequence after the first configuration.
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var check in running.Values)
            {
                await check.StopAsync();
            }
        }
    }

    /// <summary>Starts the checks that are new or changed, stops those that are gone or changed, leaves the rest running in their slots.</summary>
    private void Reconcile(MonitoringConfiguration configuration, Dictionary<(string Service, string Check), ScheduledCheck> running, CancellationToken stoppingToken)
    {
        var wanted = new Dictionary<(string Service, string Check), (ServiceDefinition Service, CheckDefinition Check, IProbe Probe)>();
        foreach (var (service, check) in configuration.AllChecks.Where(pair => pair.Check.Kind != CheckKinds.Push))
        {
            if (_probes.TryGetValue(check.Kind, out var probe))
            {
                wanted[(service.Name, check.Name)] = (service, check, probe);
            }
            else
            {
                LogNoProbe(service.Name, check.Name, check.Kind);
            }
        }

        var stopped = 0;
        foreach (var (key, scheduled) in running.ToList())
        {
            if (!wanted.TryGetValue(key, out var want) || want.Check != scheduled.Check)
            {
                _ = scheduled.StopAsync();
                running.Remove(key);
                stopped++;
            }
        }

        var started = 0;
        foreach (var (key, want) in wanted.Where(pair => !running.ContainsKey(pair.Key)))
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            running[key] = new ScheduledCheck(want.Check, cancellation, RunCheckAsync(want.Service, want.Check, want.Probe, cancellation.Token));
            started++;
        }

        LogScheduled(running.Count, configuration.Services.Count, started, stopped);
    }

    private async Task RunCheckAsync(ServiceDefinition service, CheckDefinition check, IProbe probe, CancellationToken stoppingToken)
    {
        var offset = ScheduleSpread.OffsetFor(service.Name, check.Name, check.Interval);
        var slot = ScheduleSpread.NextSlotAfter(_time.GetUtcNow(), offset, check.Interval);
        try
        {
            while (true)
            {
                var wait = slot - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stoppingToken);
                }

                if (_ownership.Owns(service.Name, check.Name))
                {
                    await RunOnceAsync(service, check, probe, slot, stoppingToken);
                }

                // A run that overran its interval skips the slots it missed instead of bunching up.
                var now = _time.GetUtcNow();
                slot = ScheduleSpread.NextSlotAfter(now > slot ? now : slot, offset, check.Interval);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: the host is stopping, or the check was removed or changed.
        }
    }

    private async Task RunOnceAsync(ServiceDefinition service, CheckDefinition check, IProbe probe, DateTimeOffset slot, CancellationToken stoppingToken)
    {
        await _concurrency.WaitAsync(stoppingToken);
        DateTimeOffset startedAt;
        ProbeOutcome outcome;
        try
        {
            var now = _time.GetUtcNow();
            RecordStart(check.Kind, now - slot);
            startedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            outcome = await ProbeWithTimeoutAsync(check, probe, stoppingToken);
        }
        finally
        {
            _concurrency.Release();
        }

        await _sink.AddAsync(new CheckSample(service.Name, check.Name, check.Kind, _options.Location, startedAt, outcome.Up, outcome.LatencyMs, outcome.StatusCode, outcome.Error), stoppingToken);
        if (outcome.Security is { } security)
        {
            await _sink.AddAsync(
                new SecuritySample(service.Name, check.Name, check.Kind, _options.Location, startedAt, security.CertDaysLeft, security.TlsVersion, security.ChainValid, security.HostnameValid),
                stoppingToken);
        }
    }

    private static void RecordStart(string kind, TimeSpan lateness)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        // A timer can wake a hair before the wall clock reaches the slot; that run was on time, not early.
        SchedulerMetrics.ScheduleLateness.Record(Math.Max(0, lateness.TotalMilliseconds), tag);
        SchedulerMetrics.ProbesRun.Add(1, tag);
    }

    private async Task<ProbeOutcome> ProbeWithTimeoutAsync(CheckDefinition check, IProbe probe, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(check.Timeout, _time);
        using var probeToken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await probe.ProbeAsync(check, probeToken.Token).WaitAsync(check.Timeout + AbandonGrace, _time, stoppingToken);
        }
        catch (TimeoutException)
        {
            LogAbandoned(check.Name, check.Kind, check.Timeout);
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogProbeFailed(exception, check.Name, check.Kind);
            return ProbeOutcome.Failed($"probe error: {exception.Message}");
        }
    }

    /// <summary>A check's probe loop, stopped when the check is removed or changed.</summary>
    private sealed record ScheduledCheck(CheckDefinition Check, CancellationTokenSource Cancellation, Task Loop)
    {
        public async Task StopAsync()
        {
            await Cancellation.CancelAsync();
            await Loop;
            Cancellation.Dispose();
        }
    }

    public override void Dispose()
    {
        _concurrency.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Probing {Checks} checks of {Services} services ({Started} started, {Stopped} stopped)")]
    private partial void LogScheduled(int checks, int services, int started, int stopped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check {Service}/{Check} is not run: no probe for kind '{Kind}'")]
    private partial void LogNoProbe(string service, string check, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Probe of check {Check} ({Kind}) ignored its timeout of {Timeout} and was abandoned")]
    private partial void LogAbandoned(string check, string kind, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Probe of check {Check} ({Kind}) failed unexpectedly")]
    private partial void LogProbeFailed(Exception exception, string check, string kind);
}
