using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.Core.Status;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Hub;
using Microsoft.AspNetCore.SignalR.Client;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Kiosk tokens against the real server process: the principal they give, the cookie, the hub, revocation.</summary>
public sealed class KioskTokenTests(AccessKeysServer server) : IClassFixture<AccessKeysServer>
{
    private const string Route = "api/v1/kiosk-tokens";

    [Fact]
    public async Task KioskToken_opening_the_wall_sets_a_strict_http_only_cookie_and_makes_a_read_only_viewer()
    {
        var token = await server.CreateAsync(Route, "NOC wall 1");
        Assert.StartsWith("itss_kiosk_", token.Secret, StringComparison.Ordinal);
        Assert.Equal(new Uri(server.Server.Url, "wall?kiosk=" + token.Secret).ToString(), token.Usage);

        var cookies = new CookieContainer();
        using var wall = server.NewClient(cookies);
        using (var page = await wall.GetAsync(token.Usage))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var setCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), value => value.StartsWith("itss-kiosk=", StringComparison.Ordinal));
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        }

        // Without the token in the URL now: the cookie carries it.
        var me = await wall.GetFromJsonAsync<JsonElement>("api/v1/me");
        Assert.Equal(("kiosk:NOC wall 1", "Viewer", "Kiosk"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString(), me.GetProperty("authenticationType").GetString()));
        Assert.Equal(JsonValueKind.String, (await server.ListedAsync(Route, token.Id)).GetProperty("lastUsedAt").ValueKind);

        // Read-only: no admin API answers it.
        foreach (var route in new[] { Route, "api/v1/api-keys" })
        {
            using var list = await wall.GetAsync(route);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var create = await wall.PostAsJsonAsync(route, new { name = "from the wall" });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        using var revoke = await wall.DeleteAsync($"{Route}/{token.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await server.ListedAsync(Route, token.Id)).GetProperty("revokedAt").ValueKind);

        // The admin pages send it to the access-denied page, and someone with no credentials to sign in.
        using var pages = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Server.Url };
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Server.Url };
        foreach (var page in new[] { "admin/kiosk", "admin/api-keys" })
        {
            using var denied = await pages.GetAsync(page);
            Assert.Equal((HttpStatusCode.Redirect, "/denied"), (denied.StatusCode, denied.Headers.Location?.AbsolutePath));
            using var login = await anonymous.GetAsync(page);
            Assert.Equal((HttpStatusCode.Redirect, "/login"), (login.StatusCode, login.Headers.Location?.AbsolutePath));
        }
    }

    [Fact]
    public async Task KioskToken_wrong_or_revoked_is_refused_and_its_cookie_cleared()
    {
        var token = await server.CreateAsync(Route, "Wall to revoke");
        var cookies = new CookieContainer();
        using var wall = server.NewClient(cookies);
        using (await wall.GetAsync(token.Usage))
        {
            // Sets the cookie.
        }

        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("api/v1/me")).StatusCode);
        await server.RevokeAsync(Route, token.Id);
        using (var revoked = await wall.GetAsync("api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        Assert.DoesNotContain(cookies.GetCookies(server.Server.Url), cookie => cookie.Name == "itss-kiosk");

        using var guessing = server.NewClient();
        foreach (var wrong in new[] { token.Secret[..^1], "itss_kiosk_" + new string('A', 43), "x" })
        {
            using var page = await guessing.GetAsync("wall?kiosk=" + Uri.EscapeDataString(wrong));
            Assert.False(page.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(value => value.StartsWith("itss-kiosk=", StringComparison.Ordinal)), $"'{wrong}' got a kiosk cookie");
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
            request.Headers.Add("Cookie", "itss-kiosk=" + Uri.EscapeDataString(wrong));
            using var me = await guessing.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using var revokedUrl = await guessing.GetAsync(token.Usage);
        Assert.False(revokedUrl.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task KioskToken_connects_a_hub_client_that_gets_live_changes_and_revocation_closes_only_that_connection()
    {
        var token = await server.CreateAsync(Route, "Hub wall");
        await using var kiosk = await StatusListener.ConnectAsync(new Uri(server.Server.Url, "hubs/status?kiosk=" + Uri.EscapeDataString(token.Secret)));
        await using var bystander = await StatusListener.ConnectAsync(new Uri(server.Server.Url, "hubs/status"), await server.Server.SignInAsync());
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kiosk.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await server.Push.PushAsync(PushServer.CheckResult(AccessKeysServer.Service, AccessKeysServer.Check, false, PushServer.NextTimestamp(), error: "kiosk test"));
        await kiosk.WaitForAsync(StatusListener.StatusChanged, services => services.Any(s => s.Service == AccessKeysServer.Service && s.State == ServiceState.Down), TimeSpan.FromSeconds(10), "the service down");
        Assert.Equal(JsonValueKind.String, (await server.ListedAsync(Route, token.Id)).GetProperty("lastUsedAt").ValueKind);

        await server.RevokeAsync(Route, token.Id);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(HubConnectionState.Disconnected, kiosk.Connection.State);
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
    }

    [Fact]
    public async Task KioskToken_and_ApiKey_changes_are_audited_and_no_secret_reaches_the_audit_log_or_the_servers_output()
    {
        var token = await server.CreateAsync(Route, "Audited wall");
        var key = await server.CreateAsync("api/v1/api-keys", "Audited agent");
        using (var wall = server.NewClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync(token.Usage)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await wall.PostAsync($"hubs/status/negotiate?negotiateVersion=1&kiosk={Uri.EscapeDataString(token.Secret)}", null)).StatusCode);
            using var wrong = await wall.GetAsync("wall?kiosk=" + token.Secret[..^2]);
        }

        await server.RevokeAsync(Route, token.Id);
        await server.RevokeAsync("api/v1/api-keys", key.Id);

        var audit = await server.AuditAsync();
        Assert.Equal(
            [
                (ServerProcess.AdminName, "kiosk-token.create", "Audited wall"),
                (ServerProcess.AdminName, "api-key.create", "Audited agent"),
                (ServerProcess.AdminName, "kiosk-token.revoke", "Audited wall"),
                (ServerProcess.AdminName, "api-key.revoke", "Audited agent"),
            ],
            audit.Where(entry => entry.Target is "Audited wall" or "Audited agent").Select(entry => (entry.Actor, entry.Action, entry.Target)));
        var secrets = new[] { token.Secret, key.Secret, token.Secret[..^2], token.Secret["itss_kiosk_".Length..][6..20], key.Secret["itss_key_".Length..][6..20] };
        Assert.All(audit, entry => Assert.All(secrets, secret => Assert.DoesNotContain(secret, $"{entry.Actor} {entry.Target} {entry.Detail}", StringComparison.Ordinal)));

        // ASP.NET Core logs at Information here (see AccessKeysServer): the request lines with their URLs still stay out.
        var output = server.Server.Output;
        Assert.Contains("kiosk token", output, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }
}
