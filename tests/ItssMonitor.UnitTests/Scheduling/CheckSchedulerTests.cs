using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ItssMonitor.Collectors.Probes;
using ItssMonitor.Collectors.Scheduling;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.UnitTests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.UnitTests.Scheduling;

public sealed class CheckSchedulerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly CollectingSink _sink = new();

    [Fact]
    public async Task Runs_each_check_once_per_interval_in_its_own_slot_without_drift()
    {
        var probe = new ScriptedProbe((_, _) => Task.FromResult(new ProbeOutcome(true, 1)));
        using var scheduler = Create(probe, new FixedConfiguration(
            FixedConfiguration.Service("Payments", FixedConfiguration.Check("health"), FixedConfiguration.Check("db"))));
        await scheduler.StartAsync(CancellationToken.None);

        for (var second = 0; second < 60; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        // The scheduler may start its loops a moment after StartAsync returns, so the first slot can be missed.
        await Eventually.TrueAsync(() => _sink.Samples.Count >= 10, "five runs of each check");
        await scheduler.StopAsync(CancellationToken.None);
        foreach (var check in new[] { "health", "db" })
        {
            var offset = ScheduleSpread.OffsetFor("Payments", check, TimeSpan.FromSeconds(10)).TotalMilliseconds;
            var times = _sink.Samples.Where(s => s.Check == check).Select(s => s.Timestamp.ToUnixTimeMilliseconds()).Order().ToList();
            Assert.InRange(times.Count, 5, 6);
            // Time advances a second at a time here, so a run starts within the second after its slot.
            Assert.All(times, t => Assert.InRange(t % 10_000, (long)offset, (long)offset + 1_000));
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(10_000, pair.Second - pair.First));
        }
    }

    [Fact]
    public async Task Records_how_late_each_run_started_relative_to_its_slot()
    {
        // Only this class starts schedulers, and xunit runs its tests one at a time, so every measurement is ours.
        var lateness = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ItssMonitor.Collectors" && instrument.Name == "probe_schedule_lateness_ms")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lateness.Enqueue(value));
        listener.Start();

        var probe = new ScriptedProbe((_, _) => Task.FromResult(new ProbeOutcome(true, 1)));
        using var scheduler = Create(probe, new FixedConfiguration(FixedConfiguration.Service("Payments", FixedConfiguration.Check("health"))));
        await scheduler.StartAsync(CancellationToken.None);
        await AdvanceAsync(seconds: 30);
        await Eventually.TrueAsync(() => _sink.Samples.Count >= 2, "two runs");
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(_sink.Samples.Count, lateness.Count);
        // Time advances a second at a time, so a run starts within the second after its slot.
        Assert.All(lateness, ms => Assert.InRange(ms, 0, 1_000));
    }

    [Fact]
    public async Task A_probe_that_ignores_its_timeout_is_abandoned_as_down_and_other_checks_keep_running()
    {
        var probe = new ScriptedProbe((check, _) => check.Name == "hangs"
            ? new TaskCompletionSource<ProbeOutcome>().Task
            : Task.FromResult(new ProbeOutcome(true, 1)));
        using var scheduler = Create(probe, new FixedConfiguration(
            FixedConfiguration.Service("A", FixedConfiguration.Check("hangs")),
            FixedConfiguration.Service("B", FixedConfiguration.Check("fine"))));
        await scheduler.StartAsync(CancellationToken.None);

        for (var second = 0; second < 30; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        await Eventually.TrueAsync(() => _sink.Samples.Count(s => s.Check == "hangs") >= 2, "the hanging check reported as down");
        await scheduler.StopAsync(CancellationToken.None);
        var hung = _sink.Checks.First(s => s.Check == "hangs");
        Assert.False(hung.Up);
        Assert.Equal("no answer within 2000 ms", hung.Error);
        Assert.True(_sink.Samples.Count(s => s.Check == "fine") >= 3);
    }

    [Fact]
    public async Task Never_runs_more_probes_at_once_than_allowed()
    {
        var running = 0;
        var mostAtOnce = 0;
        var release = new TaskCompletionSource();
        var probe = new ScriptedProbe(async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            return new ProbeOutcome(true, 1);
        });
        var checks = Enumerable.Range(0, 6).Select(i => FixedConfiguration.Check($"check {i}", timeoutSeconds: 60)).ToArray();
        using var scheduler = Create(probe, new FixedConfiguration(FixedConfiguration.Service("S", checks)), maxConcurrentProbes: 2);
        await scheduler.StartAsync(CancellationToken.None);

        for (var second = 0; second < 20; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref running) == 2, "two probes running");
        release.SetResult();
        await Eventually.TrueAsync(() => _sink.Samples.Select(s => s.Check).Distinct().Count() == 6, "every check run");
        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal(2, mostAtOnce);
    }

    [Fact]
    public async Task A_new_configuration_starts_new_checks_stops_removed_ones_and_restarts_changed_ones()
    {
        var probe = new ScriptedProbe((_, _) => Task.FromResult(new ProbeOutcome(true, 1)));
        var configuration = new ChangingConfiguration();
        configuration.Publish(FixedConfiguration.Service("S", FixedConfiguration.Check("kept"), FixedConfiguration.Check("removed"), FixedConfiguration.Check("changed")));
        using var scheduler = Create(probe, configuration);
        await scheduler.StartAsync(CancellationToken.None);
        await AdvanceAsync(seconds: 20);
        await Eventually.TrueAsync(() => _sink.Checks.Select(s => s.Check).Distinct().Count() == 3, "all three first checks ran");

        configuration.Publish(FixedConfiguration.Service(
            "S",
            FixedConfiguration.Check("kept"),
            FixedConfiguration.Check("changed", intervalSeconds: 60, timeoutSeconds: 5),
            FixedConfiguration.Check("added"),
            FixedConfiguration.Check("pushed") with { Kind = CheckKinds.Push }));
        await Task.Delay(50);
        var before = _sink.Checks.Count();
        await AdvanceAsync(seconds: 60);
        await Eventually.TrueAsync(() => _sink.Checks.Skip(before).Any(s => s.Check == "added"), "the added check ran");
        await scheduler.StopAsync(CancellationToken.None);

        var after = _sink.Checks.Skip(before).GroupBy(s => s.Check).ToDictionary(g => g.Key, g => g.Count());
        Assert.False(after.ContainsKey("removed"));
        Assert.False(after.ContainsKey("pushed"));
        Assert.InRange(after["kept"], 5, 6);
        Assert.InRange(after["added"], 5, 6);
        Assert.Equal(1, after["changed"]);
    }

    [Fact]
    public async Task Runs_only_the_checks_this_node_owns_and_a_check_taken_over_from_its_next_slot()
    {
        var probe = new ScriptedProbe((_, _) => Task.FromResult(new ProbeOutcome(true, 1)));
        var ownership = new SwitchableOwnership("mine");
        using var scheduler = Create(probe, new FixedConfiguration(
            FixedConfiguration.Service("S", FixedConfiguration.Check("mine"), FixedConfiguration.Check("theirs"))), ownership: ownership);
        await scheduler.StartAsync(CancellationToken.None);
        await AdvanceAsync(seconds: 30);
        await Eventually.TrueAsync(() => _sink.Checks.Count(s => s.Check == "mine") >= 2, "the owned check ran");
        Assert.DoesNotContain(_sink.Checks, s => s.Check == "theirs");

        // The other node is gone: this one takes its check over.
        ownership.Own("theirs");
        var takenOverAt = _time.GetUtcNow();
        await AdvanceAsync(seconds: 30);
        await Eventually.TrueAsync(() => _sink.Checks.Count(s => s.Check == "theirs") >= 2, "the taken-over check ran");
        await scheduler.StopAsync(CancellationToken.None);

        var offset = ScheduleSpread.OffsetFor("S", "theirs", TimeSpan.FromSeconds(10));
        var first = _sink.Checks.Where(s => s.Check == "theirs").Min(s => s.Timestamp);
        // In the very next slot after the take-over, not a slot later.
        Assert.InRange(first, ScheduleSpread.NextSlotAfter(takenOverAt, offset, TimeSpan.FromSeconds(10)), ScheduleSpread.NextSlotAfter(takenOverAt, offset, TimeSpan.FromSeconds(10)).AddSeconds(1));
    }

    private async Task AdvanceAsync(int seconds)
    {
        for (var second = 0; second < seconds; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
    }

    private CheckScheduler Create(ScriptedProbe probe, IMonitoringConfigurationSource configuration, int maxConcurrentProbes = 16, ICheckOwnership? ownership = null) =>
        new(configuration, [probe], _sink, ownership ?? new SoleNodeOwnership(), _time, Options.Create(new SchedulerOptions { MaxConcurrentProbes = maxConcurrentProbes }), NullLogger<CheckScheduler>.Instance);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>Owns the checks named so far; a test adds one as another node would hand it over.</summary>
    private sealed class SwitchableOwnership(params string[] owned) : ICheckOwnership
    {
        private readonly ConcurrentDictionary<string, bool> _owned = new(owned.Select(check => KeyValuePair.Create(check, true)));

        public void Own(string check) => _owned[check] = true;

        public bool Owns(string service, string check) => _owned.ContainsKey(check);
    }
}
