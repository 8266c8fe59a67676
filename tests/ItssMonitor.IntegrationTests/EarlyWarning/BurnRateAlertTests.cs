using System.Globalization;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.EarlyWarning;

/// <summary>
/// A scripted history pushed with past timestamps to a real server process on the real InfluxDB: the sla-evaluation
/// job, run by Hangfire every 2 s, hands its verdict to the real alert engine. Ledger (99.9 %) reported once a minute
/// for 7 hours, down for 10 minutes ending a quarter of an hour ago, up since.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class BurnRateAlertTests(InfluxDbServer influx)
{
    private const double Target = 99.9;

    private static readonly Dictionary<string, TimeSpan> Windows = new()
    {
        ["5m"] = TimeSpan.FromMinutes(5),
        ["30m"] = TimeSpan.FromMinutes(30),
        ["1h"] = TimeSpan.FromHours(1),
        ["6h"] = TimeSpan.FromHours(6),
        ["3d"] = TimeSpan.FromDays(3),
        ["30d"] = TimeSpan.FromDays(30),
    };

    [Fact]
    public async Task An_outage_in_the_history_fires_the_burn_rate_rules_whose_windows_both_hold_it()
    {
        var start = DateTimeOffset.UtcNow;
        await using var server = await StartAsync(maintenance: null);
        var history = await PushHistoryAsync(server);

        var status = await WaitForEvaluationOfAllAsync(server, history);

        // The outage is 10 of the last 30 minutes and of 360 in 6 h, none of the last 5 minutes: page-6h (30m and 6h
        // burn ≥ 6) and ticket-3d (6h and 3d burn ≥ 1) fire; page-1h does not, its 5m window being clean.
        Assert.Equal(["burn-rate/page-6h", "burn-rate/ticket-3d"], status.GetProperty("firing").EnumerateArray().Select(rule => rule.GetString()));
        AssertWindowsMatch(status, history, inMaintenance: _ => false);
        var (_, _, open) = await server.Api.GetAsync("api/v1/alerts?service=Ledger");
        Assert.Equal(
            [("burn-rate/page-6h", "critical"), ("burn-rate/ticket-3d", "warning")],
            open.EnumerateArray().Select(alert => (alert.GetProperty("rule").GetString(), alert.GetProperty("severity").GetString())));
        Assert.StartsWith("burn rate ", open[0].GetProperty("summary").GetString());
        Assert.True(start <= open[0].GetProperty("openedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_same_outage_inside_a_maintenance_window_of_the_monitoring_file_fires_nothing()
    {
        // Whole seconds, as the monitoring file writes them.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var window = (From: start.AddMinutes(-30), To: start.AddMinutes(-12));
        await using var server = await StartAsync(window);
        var history = await PushHistoryAsync(server);
        bool InMaintenance(DateTimeOffset at) => at >= window.From && at < window.To;
        Assert.Equal(10, history.Count(sample => !sample.Up && InMaintenance(sample.At)));

        var status = await WaitForEvaluationOfAllAsync(server, history.Where(sample => !InMaintenance(sample.At)).ToList());

        Assert.Empty(status.GetProperty("firing").EnumerateArray());
        AssertWindowsMatch(status, history, InMaintenance);
        Assert.Equal(100, status.GetProperty("budgetRemainingPercent").GetDouble());
        var (_, _, open) = await server.Api.GetAsync("api/v1/alerts?service=Ledger");
        Assert.Empty(open.EnumerateArray());
    }

    private async Task<EarlyWarningServer> StartAsync((DateTimeOffset From, DateTimeOffset To)? maintenance)
    {
        var database = TestData.UniqueName("early_warning");
        await influx.CreateDatabaseAsync(database);
        var settings = new Dictionary<string, string>
        {
            ["Storage__Influx__Url"] = influx.Url.ToString(),
            ["Storage__Influx__Database"] = database,
            ["Hangfire__SchedulePollingInterval"] = "00:00:00.200",
            ["Jobs__SlaEvaluationSchedule"] = "*/2 * * * * *",
        };
        if (influx.Token is not null)
        {
            settings["Storage__Influx__Token"] = influx.Token;
            settings["Storage__Influx__Org"] = influx.Org!;
        }

        var file = $$"""
            services:
              - name: Ledger
                team: finance
                sla: { availability: {{Target.ToString(CultureInfo.InvariantCulture)}} }
                checks:
                  - { name: api, kind: push, interval: 1m }
            """;
        if (maintenance is var (from, to))
        {
            file += $$"""

                maintenance:
                  - { name: "DB upgrade", services: [Ledger], start: "{{EarlyWarningServer.Iso(from)}}", end: "{{EarlyWarningServer.Iso(to)}}" }
                """;
        }

        return await EarlyWarningServer.StartAsync(_ => file, settings);
    }

    /// <summary>
    /// 420 samples, one a minute at half past the minute relative to now (so a window boundary a few seconds either way
    /// takes the same samples), the 10 from 25 to 16 minutes ago down.
    /// </summary>
    private static async Task<IReadOnlyList<(DateTimeOffset At, bool Up)>> PushHistoryAsync(EarlyWarningServer server)
    {
        var now = DateTimeOffset.UtcNow;
        var history = Enumerable.Range(0, 420)
            .Select(minute => now.AddSeconds(-30 - (60 * minute)))
            .Select(at => (At: at, Up: !(at < now.AddMinutes(-15) && at >= now.AddMinutes(-25))))
            .Reverse()
            .ToList();
        await server.PushAsync([.. history.Select(sample => EarlyWarningServer.CheckResult("Ledger", "api", sample.Up, sample.At))]);
        return history;
    }

    /// <summary>Waits for an evaluation that saw every counted sample (the ingest API queues them; the writer stores them a moment later).</summary>
    private static Task<JsonElement> WaitForEvaluationOfAllAsync(EarlyWarningServer server, IReadOnlyList<(DateTimeOffset At, bool Up)> counted) =>
        server.WaitForAsync(
            "api/v1/sla/Ledger",
            status => status.TryGetProperty("windows", out var windows)
                && windows.EnumerateArray().Single(window => window.GetProperty("window").GetString() == "30d").GetProperty("samples").GetInt64() == counted.Count,
            $"an evaluation of Ledger counting all {counted.Count} samples");

    /// <summary>Each window's samples and availability are those of the history between the evaluation time and the window's length before it.</summary>
    private static void AssertWindowsMatch(JsonElement status, IReadOnlyList<(DateTimeOffset At, bool Up)> history, Func<DateTimeOffset, bool> inMaintenance)
    {
        var evaluatedAt = status.GetProperty("evaluatedAt").GetDateTimeOffset();
        foreach (var window in status.GetProperty("windows").EnumerateArray())
        {
            var length = Windows[window.GetProperty("window").GetString()!];
            var counted = history.Where(sample => sample.At >= evaluatedAt - length && sample.At < evaluatedAt && !inMaintenance(sample.At)).ToList();
            Assert.Equal(counted.Count, window.GetProperty("samples").GetInt64());
            var availability = 100.0 * counted.Count(sample => sample.Up) / counted.Count;
            Assert.Equal(availability, window.GetProperty("availabilityPercent").GetDouble(), 6);
            Assert.Equal((100 - availability) / (100 - Target), window.GetProperty("burnRate").GetDouble(), 6);
        }

        var period = history.Where(sample => !inMaintenance(sample.At)).ToList();
        var consumed = 100.0 * period.Count(sample => !sample.Up) / period.Count / ((100 - Target) / 100);
        Assert.Equal(consumed, status.GetProperty("budgetConsumedPercent").GetDouble(), 6);
    }
}
