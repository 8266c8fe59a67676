using ItssMonitor.Core.Samples;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Storage.Sqlite;
using ItssMonitor.UnitTests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ItssMonitor.UnitTests.Jobs;

/// <summary>The rollup and retention jobs run directly, as Hangfire would, against a real SQLite sample store.</summary>
public sealed class JobTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow Everything = new(T0.AddYears(-2), T0.AddYears(1));

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(T0.AddHours(3).AddMinutes(10));
    private readonly IOptions<RetentionOptions> _retention = Options.Create(new RetentionOptions { RawDays = 35, RollupDays = 400 });
    private SqliteSampleStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteSampleStore(new SqliteOptions { Path = System.IO.Path.Combine(_directory.Path, "samples.db") });
        return _store.InitializeAsync(None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_first_rollup_covers_every_completed_hour_within_raw_retention_and_not_the_current_one()
    {
        await _store.WriteAsync([At(-40 * 24 * 60), At(30), At(150, up: false), At(185)], None);

        await RollUpAsync();

        Assert.Equal([(T0, 1L, 1L), (T0.AddHours(2), 1L, 0L)], await StoredAsync());
    }

    [Fact]
    public async Task Later_runs_recount_the_last_two_hours_for_late_samples_and_leave_older_hours_alone()
    {
        await _store.WriteAsync([At(30), At(70), At(150)], None);
        await RollUpAsync();

        // Late arrivals: hour 0 is past the two-hour horizon, hours 1 and 2 are within it.
        await _store.WriteAsync([At(45), At(80, up: false), At(160)], None);
        await RollUpAsync();
        await RollUpAsync();

        Assert.Equal([(T0, 1L, 1L), (T0.AddHours(1), 2L, 1L), (T0.AddHours(2), 2L, 2L)], await StoredAsync());
    }

    [Fact]
    public async Task Each_hour_is_rolled_up_once_it_has_ended()
    {
        await _store.WriteAsync([At(150), At(190), At(250)], None);
        await RollUpAsync();

        _time.Advance(TimeSpan.FromHours(1));
        await RollUpAsync();

        Assert.Equal([(T0.AddHours(2), 1L, 1L), (T0.AddHours(3), 1L, 1L)], await StoredAsync());
    }

    [Fact]
    public async Task Retention_deletes_raw_samples_and_rollups_past_their_own_limits()
    {
        var now = _time.GetUtcNow();
        CheckSample Raw(double daysAgo) => new("A", "health", "http", "", now.AddDays(-daysAgo), true, 10, 200, null);
        HourlyRollup Rollup(double daysAgo) => new("A", "health", "http", "", HourlyRollup.HourOf(now.AddDays(-daysAgo)), 1, 1, 10, 10, 10);
        await _store.WriteAsync([Raw(36), Raw(34)], None);
        await _store.WriteRollupsAsync([Rollup(401), Rollup(399)], None);

        await new RetentionJob(_store, _time, _retention, NullLogger<RetentionJob>.Instance).RunAsync(None);

        Assert.Equal(1, (await _store.GetStatisticsAsync(SampleScope.ForService("A"), Everything, None))!.SampleCount);
        Assert.Equal([Rollup(399)], await _store.GetRollupsAsync(SampleScope.ForService("A"), Everything, None));
    }

    private static CheckSample At(double minutesAfterT0, bool up = true) =>
        new("A", "health", "http", "", T0.AddMinutes(minutesAfterT0), up, up ? 10 : null, 200, null);

    private Task RollUpAsync() => new RollupJob(_store, _time, _retention, NullLogger<RollupJob>.Instance).RunAsync(None);

    private async Task<IReadOnlyList<(DateTimeOffset Hour, long Count, long Up)>> StoredAsync() =>
        (await _store.GetRollupsAsync(SampleScope.ForService("A"), Everything, None)).Select(r => (r.Hour, r.Count, r.UpCount)).ToList();
}
