using System.Globalization;
using System.Text.Json;
using ItssMonitor.IntegrationTests.EarlyWarning;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Maintenance;

/// <summary>
/// A real server process watching push services Ledger and Refunds (down on their first failure), with a first admin
/// from <c>Auth:Admin</c> (who meets the Operator policy) signed in on <see cref="Admin"/>.
/// </summary>
public sealed class MaintenanceServer : IAsyncDisposable
{
    public const string AdminName = ServerProcess.AdminName;
    public const string AdminPassword = ServerProcess.AdminPassword;

    private MaintenanceServer(PushServer server, SessionClient admin)
    {
        Server = server;
        Admin = admin;
    }

    public PushServer Server { get; }

    public SessionClient Admin { get; }

    public static async Task<MaintenanceServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var monitoringFile = "services:\n" + EarlyWarningServer.PushService("Ledger", "payments") + EarlyWarningServer.PushService("Refunds", "payments");
        var server = await PushServer.StartAsync("maintenance-tests", monitoringFile,
            settings);
        var admin = new SessionClient(server.Process.Url);
        await admin.SignInAsync(AdminName, AdminPassword);
        return new MaintenanceServer(server, admin);
    }

    /// <summary>The JSON body of a window for <paramref name="services"/> from now until <paramref name="until"/>.</summary>
    public static string Window(string reason, DateTimeOffset until, params string[] services) => JsonSerializer.Serialize(new
    {
        services,
        until = until.ToString("O", CultureInfo.InvariantCulture),
        reason,
    });

    /// <summary>Polls the status API until <paramref name="service"/> is in <paramref name="state"/>.</summary>
    public Task<JsonElement> WaitForStateAsync(string service, string state) => Admin.WaitForAsync(
        "api/v1/status",
        body => Status(body, service) is { } status && status.GetProperty("state").GetString() == state,
        $"{service} {state} on the status API");

    public static JsonElement? Status(JsonElement board, string service) =>
        board.GetProperty("services").EnumerateArray().Where(status => status.GetProperty("service").GetString() == service).Cast<JsonElement?>().FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}
