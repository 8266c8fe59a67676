using System.Diagnostics;
using System.Text.Json;
using ItssMonitor.Core.Status;
using ItssMonitor.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.SignalR.Client;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>
/// <c>/hubs/status</c> of the real server process, through the real .NET SignalR client: the snapshot's wire shape,
/// how fast and how coalesced changes arrive, team/tag filters, and MessagePack.
/// </summary>
public sealed class StatusHubTests(SharedHubServer fixture) : IClassFixture<SharedHubServer>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly string[] ServiceStates = ["down", "degraded", "stale", "unknown", "maintenance", "up"];
    private static readonly string[] CheckStates = ["unknown", "up", "down", "stale"];

    private HubServer Server => fixture.Server;

    [Fact]
    public async Task The_snapshot_on_connect_has_every_service_with_its_checks_in_camelCase_with_states_as_words()
    {
        await Server.PushAsync("Ledger", up: false, latencyMs: 12.5);
        var raw = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(Server.HubUrl, options => options.Cookies.Add(Server.Session)).Build();
        connection.On<JsonElement>(StatusListener.Snapshot, services => raw.TrySetResult(services.Clone()));
        await connection.StartAsync();

        var snapshot = await raw.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(JsonValueKind.Array, snapshot.ValueKind);
        var services = snapshot.EnumerateArray().ToList();
        Assert.Equal(HubServer.Services.Order(), services.Select(service => service.GetProperty("service").GetString()).Order());
        foreach (var service in services)
        {
            Assert.Equal(
                ["service", "team", "tags", "state", "since", "updatedAt", "latencyMs", "availability24h", "latencyTrend", "checks", "maintenanceWindow"],
                service.EnumerateObject().Select(property => property.Name));
            Assert.Contains(service.GetProperty("state").GetString(), ServiceStates);
            Assert.True(service.GetProperty("since").TryGetDateTimeOffset(out _));
            Assert.True(service.GetProperty("updatedAt").TryGetDateTimeOffset(out _));
            foreach (var check in service.GetProperty("checks").EnumerateArray())
            {
                Assert.Equal(
                    ["service", "check", "kind", "state", "since", "lastSampleAt", "lastUp", "latencyMs", "error"],
                    check.EnumerateObject().Select(property => property.Name));
                Assert.Contains(check.GetProperty("state").GetString(), CheckStates);
            }
        }

        var ledger = services.Single(service => service.GetProperty("service").GetString() == "Ledger");
        Assert.Equal("finance", ledger.GetProperty("team").GetString());
        Assert.Equal(["prod"], ledger.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("degraded", ledger.GetProperty("state").GetString()); // one of its two checks is down
        Assert.Equal(12.5, ledger.GetProperty("latencyMs").GetDouble());
        Assert.InRange(ledger.GetProperty("availability24h").GetDouble(), 0, 0.99); // a fraction; the tests share the server's history
        var api = ledger.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("check").GetString() == "api");
        Assert.Equal("down", api.GetProperty("state").GetString());
        Assert.Equal("push", api.GetProperty("kind").GetString());
        Assert.Equal(12.5, api.GetProperty("latencyMs").GetDouble());
        Assert.True(api.GetProperty("lastSampleAt").TryGetDateTimeOffset(out _));
        Assert.Equal(JsonValueKind.Null, api.GetProperty("error").ValueKind);
        var db = ledger.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("check").GetString() == "db");
        Assert.Equal(JsonValueKind.Null, db.GetProperty("lastSampleAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, db.GetProperty("latencyMs").ValueKind);
    }

    [Fact]
    public async Task A_pushed_sample_that_changes_a_service_state_reaches_the_client_within_a_second()
    {
        await using var listener = await StatusListener.ConnectAsync(Server.HubUrl, Server.Session);
        var target = NextState(listener, "Search");

        var pushed = Stopwatch.GetTimestamp();
        await Server.PushAsync("Search", up: target == ServiceState.Up, latencyMs: 42);
        var change = await listener.WaitForAsync(
            StatusListener.StatusChanged, services => services.Any(s => s.Service == "Search" && s.State == target), Second * 5, $"Search {target}", pushed);

        var latency = Stopwatch.GetElapsedTime(pushed, change.At);
        Assert.True(latency < Second, $"the change took {latency.TotalMilliseconds:0} ms from push to client");
    }

    [Fact]
    public async Task Fifty_samples_within_one_broadcast_interval_arrive_as_at_most_two_messages_with_the_latest_state()
    {
        await using var listener = await StatusListener.ConnectAsync(Server.HubUrl, Server.Session);
        await Server.PushAsync("Payments Batch", up: true, latencyMs: 1);
        await listener.WaitForAsync(StatusListener.StatusChanged, services => services.Any(s => s.Service == "Payments Batch" && s.State == ServiceState.Up), Second * 5, "Payments Batch up");
        var timestamps = Enumerable.Range(0, 50).Select(_ => PushServer.NextTimestamp()).ToList();

        // All at once, so they land within one 200 ms interval, or straddle two; the newest (by timestamp) is down.
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(timestamps.Select((timestamp, i) => Server.PushAsync("Payments Batch", up: i < 49, latencyMs: 100 + i, timestamp)));
        var pushing = Stopwatch.GetElapsedTime(started);
        await listener.WaitForAsync(
            StatusListener.StatusChanged, services => services.Any(s => s.Service == "Payments Batch" && s.LatencyMs == 149), Second * 5, "the last sample", started);
        await Task.Delay(Second);

        // Within one 200 ms interval: at most 2 (the samples may straddle a tick). On a machine so busy that pushing took
        // longer, each further interval the pushes spanned may add one message, never one per sample.
        var changes = listener.ChangesOf("Payments Batch", started);
        var allowed = 1 + Math.Max(1, (int)Math.Ceiling(pushing / TimeSpan.FromMilliseconds(200)));
        Assert.InRange(changes.Count, 1, allowed);
        Assert.Equal(ServiceState.Down, changes[^1].State);
        Assert.Equal(149, changes[^1].LatencyMs);
    }

    public static TheoryData<string?, string?, string[], string[]> Filters => new()
    {
        { "payments", null, ["Payments API", "Payments Batch"], ["Ledger"] },
        { null, "prod", ["Payments API", "Ledger", "Search"], ["Payments Batch"] },
        { "payments", "prod", ["Payments API"], ["Payments Batch", "Search"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Subscribe_answers_with_a_snapshot_of_the_matching_services_and_then_sends_only_their_changes(
        string? team, string? tag, string[] matching, string[] others)
    {
        await using var listener = await StatusListener.ConnectAsync(Server.HubUrl, Server.Session);

        var subscribed = Stopwatch.GetTimestamp();
        await listener.Connection.InvokeAsync("Subscribe", team, tag);
        var snapshot = await listener.WaitForAsync(StatusListener.Snapshot, _ => true, Second * 5, "the filtered snapshot", subscribed);
        Assert.Equal(matching.Order(), snapshot.Services.Select(service => service.Service).Order());

        var pushed = Stopwatch.GetTimestamp();
        foreach (var other in others)
        {
            await Server.PushAsync(other, up: true, latencyMs: 7);
        }

        await Server.PushAsync(matching[0], up: true, latencyMs: 7);
        await listener.WaitForAsync(StatusListener.StatusChanged, services => services.Any(s => s.Service == matching[0]), Second * 5, matching[0], pushed);
        await Task.Delay(Second);

        var received = listener.Received.Where(message => message.At >= pushed).SelectMany(message => message.Services).Select(service => service.Service).ToList();
        Assert.All(received, service => Assert.Contains(service, matching));
    }

    [Fact]
    public async Task A_MessagePack_client_gets_the_snapshot_and_the_changes()
    {
        await using var listener = await StatusListener.ConnectAsync(Server.HubUrl, Server.Session, messagePack: true);
        var snapshot = listener.Received.Single(message => message.Method == StatusListener.Snapshot);
        Assert.Equal(HubServer.Services.Order(), snapshot.Services.Select(service => service.Service).Order());
        var ledger = snapshot.Services.Single(service => service.Service == "Ledger");
        Assert.Equal("finance", ledger.Team);
        Assert.Equal(["api", "db"], ledger.Checks.Select(check => check.Check));

        var target = NextState(listener, "Payments API");
        var pushed = Stopwatch.GetTimestamp();
        await Server.PushAsync("Payments API", up: target == ServiceState.Up, latencyMs: 33.5);

        var change = await listener.WaitForAsync(
            StatusListener.StatusChanged, services => services.Any(s => s.Service == "Payments API" && s.State == target), Second * 5, $"Payments API {target}", pushed);
        var payments = change.Services.Single(service => service.Service == "Payments API");
        Assert.Equal(33.5, payments.LatencyMs);
        Assert.Equal(["eu", "prod"], payments.Tags.Order());
        Assert.Equal(target == ServiceState.Up ? CheckState.Up : CheckState.Down, payments.Checks.Single().State);
    }

    /// <summary>The state a push will move the service to: down when it is up now, up otherwise (the tests share one server).</summary>
    private static ServiceState NextState(StatusListener listener, string service) =>
        listener.Received.Last().Services.FirstOrDefault(status => status.Service == service)?.State == ServiceState.Up ? ServiceState.Down : ServiceState.Up;
}
