using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.EarlyWarning;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Audit;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.IntegrationTests.Maintenance;

/// <summary>
/// Maintenance an operator sets at run time, through the API of a real server process: the service shows maintenance
/// on the status API, its outage raises no alert until the window is ended, bad requests are refused naming the
/// field, and both changes are in the audit log under the signed-in user's name.
/// </summary>
public sealed class OperatorMaintenanceTests : IAsyncLifetime
{
    private MaintenanceServer _server = null!;

    public async Task InitializeAsync() => _server = await MaintenanceServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_window_started_over_the_API_shows_maintenance_and_silences_the_outage_until_it_is_ended()
    {
        var admin = _server.Admin;
        var (status, _, created) = await admin.PostAsync("api/v1/maintenance", MaintenanceServer.Window("disk swap", DateTimeOffset.UtcNow.AddHours(1), "Ledger"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("operator", "disk swap", MaintenanceServer.AdminName), (created.GetProperty("source").GetString(), created.GetProperty("name").GetString(), created.GetProperty("startedBy").GetString()));
        var id = created.GetProperty("id").GetInt64();

        var ledger = MaintenanceServer.Status(await _server.WaitForStateAsync("Ledger", "maintenance"), "Ledger")!.Value;
        Assert.Equal("disk swap", ledger.GetProperty("maintenanceWindow").GetString());
        var (_, _, listed) = await admin.GetAsync("api/v1/maintenance");
        Assert.Equal([(id, "operator")], listed.EnumerateArray().Select(window => (window.GetProperty("id").GetInt64(), window.GetProperty("source").GetString())));

        // The live path handles samples in order: once Refunds' alert is there, Ledger's outage has been seen and silenced.
        await _server.Server.PushAsync(EarlyWarningServer.CheckResult("Ledger", "api", up: false, PushServer.NextTimestamp()), EarlyWarningServer.CheckResult("Refunds", "api", up: false, PushServer.NextTimestamp()));
        await WaitForServiceDownAsync("Refunds");
        Assert.Empty((await admin.GetAsync("api/v1/alerts?service=Ledger")).Body.EnumerateArray());
        Assert.Equal("maintenance", MaintenanceServer.Status((await admin.GetAsync("api/v1/status")).Body, "Ledger")!.Value.GetProperty("state").GetString());

        var (ended, _, _) = await admin.DeleteAsync($"api/v1/maintenance/{id}");
        Assert.Equal(HttpStatusCode.OK, ended);
        await _server.WaitForStateAsync("Ledger", "down");
        await WaitForServiceDownAsync("Ledger");
        Assert.Empty((await admin.GetAsync("api/v1/maintenance")).Body.EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"api/v1/maintenance/{id}")).Status);

        var audit = await AuditAsync();
        Assert.Equal(
            [(MaintenanceServer.AdminName, "maintenance.start", "Ledger"), (MaintenanceServer.AdminName, "maintenance.end", "Ledger")],
            audit.Where(entry => entry.Action.StartsWith("maintenance.", StringComparison.Ordinal)).Select(entry => (entry.Actor, entry.Action, entry.Target)));
        Assert.All(audit.Where(entry => entry.Action.StartsWith("maintenance.", StringComparison.Ordinal)), entry => Assert.Contains("disk swap", entry.Detail));
    }

    [Theory]
    [InlineData("""{"services": ["Ledger", "Nope"], "until": "2099-01-01T00:00:00Z", "reason": "x"}""", "services", "'Nope' is not a monitored service")]
    [InlineData("""{"services": ["Ledger"], "reason": "x"}""", "until", "'until' is required")]
    [InlineData("""{"services": ["Ledger"], "from": "2099-01-01T00:00:00Z", "until": "2099-01-09T00:00:00Z", "reason": "x"}""", "until", "at most 7 days")]
    [InlineData("""{"services": ["Ledger"], "until": "2099-01-01T00:00:00Z", "reason": " "}""", "reason", "'reason' is required")]
    public async Task A_bad_window_is_refused_with_a_problem_naming_the_field(string body, string field, string message)
    {
        var (status, contentType, problem) = await _server.Admin.PostAsync("api/v1/maintenance", body);

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, contentType));
        Assert.Contains(message, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
        Assert.Empty((await _server.Admin.GetAsync("api/v1/maintenance")).Body.EnumerateArray());
    }

    [Fact]
    public async Task A_time_that_is_not_a_time_is_refused_naming_its_place_in_the_body()
    {
        var (status, contentType, problem) = await _server.Admin.PostAsync("api/v1/maintenance", """{"services": ["Ledger"], "until": "tomorrow", "reason": "x"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, contentType));
        Assert.Contains("$.until", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_session_a_window_can_be_neither_started_nor_ended()
    {
        using var stranger = new SessionClient(_server.Server.Process.Url);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("api/v1/maintenance", MaintenanceServer.Window("x", DateTimeOffset.UtcNow.AddHours(1), "Ledger"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.DeleteAsync("api/v1/maintenance/1")).Status);
    }

    [Fact]
    public async Task A_viewer_lists_the_windows_but_can_neither_start_nor_end_one()
    {
        var (_, _, window) = await _server.Admin.PostAsync("api/v1/maintenance", MaintenanceServer.Window("failover drill", DateTimeOffset.UtcNow.AddHours(1), "Ledger"));
        var (_, _, token) = await _server.Admin.PostAsync("api/v1/kiosk-tokens", """{"name": "lobby wall"}""");
        using var wall = new SessionClient(_server.Server.Process.Url);
        // A kiosk token signs the wall display in as a read-only Viewer.
        await wall.GetAsync("wall?kiosk=" + Uri.EscapeDataString(token.GetProperty("secret").GetString()!));

        var (listed, _, windows) = await wall.GetAsync("api/v1/maintenance");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal("failover drill", Assert.Single(windows.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.PostAsync("api/v1/maintenance", MaintenanceServer.Window("x", DateTimeOffset.UtcNow.AddHours(1), "Refunds"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.DeleteAsync($"api/v1/maintenance/{window.GetProperty("id").GetInt64()}")).Status);
        Assert.Single((await _server.Admin.GetAsync("api/v1/maintenance")).Body.EnumerateArray());
    }

    private async Task WaitForServiceDownAsync(string service) => await _server.Admin.WaitForAsync(
        $"api/v1/alerts?service={service}",
        alerts => alerts.EnumerateArray().Any(alert => alert.GetProperty("rule").GetString() == "service-down"),
        $"a service-down alert for {service}");

    private async Task<List<AuditEntryRecord>> AuditAsync()
    {
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={Path.Combine(_server.Server.Process.WorkingDirectory, "data", "itssmonitor.db")};Pooling=false").Options;
        await using var context = new MonitorDbContext(options);
        return await context.Set<AuditEntryRecord>().OrderBy(entry => entry.Id).ToListAsync();
    }
}
