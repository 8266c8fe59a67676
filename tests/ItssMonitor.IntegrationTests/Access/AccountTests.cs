using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Admins manage accounts over the users API: the password rule, the last admin kept, every change audited without secrets.</summary>
public sealed class AccountTests
{
    private const string Password = "a-password-long-enough";
    private const string NewPassword = "another-password-long-enough";

    [Fact]
    public async Task A_new_password_ends_the_sessions_signed_in_with_the_old_one()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        await server.CreateUserAsync("pia", Password, "Operator");
        using var stolen = await server.CreateClientAsync(name: "pia", password: Password);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("api/v1/me")).StatusCode);

        using var admin = await server.CreateClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("api/v1/users/pia", new { password = NewPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("api/v1/me")).StatusCode);
        using var pia = await server.CreateClientAsync(name: "pia", password: NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await pia.GetAsync("api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Accounts_are_created_and_changed_by_admins_the_last_admin_is_kept_and_each_change_is_audited()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        using var admin = await server.CreateClientAsync();

        var tooShort = await admin.PostAsJsonAsync("api/v1/users", new { name = "olga", password = "short", role = "Operator" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());
        var badRole = await admin.PostAsJsonAsync("api/v1/users", new { name = "olga", password = Password, role = "Root" });
        Assert.Contains("expected one of Viewer, Operator, Admin", await badRole.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/v1/users", new { name = "olga", password = Password, role = "operator" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("api/v1/users", new { name = "OLGA", password = Password, role = "Viewer" })).StatusCode);

        // The only enabled Admin can be neither demoted nor disabled.
        var demote = await admin.PutAsJsonAsync($"api/v1/users/{ServerProcess.AdminName}", new { role = "Viewer" });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("last enabled Admin", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"api/v1/users/{ServerProcess.AdminName}", new { disabled = true })).StatusCode);

        // Once olga is an Admin too, she can take over.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("api/v1/users/olga", new { role = "Admin", password = NewPassword })).StatusCode);
        using var olga = await server.CreateClientAsync(name: "olga", password: NewPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PutAsJsonAsync($"api/v1/users/{ServerProcess.AdminName}", new { disabled = true })).StatusCode);
        using (var refused = await FormPost.Client(server.Url).PostAsJsonAsync("api/v1/session", new { name = ServerProcess.AdminName, password = ServerProcess.AdminPassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A disabled account's open session stops too, and a changed role counts at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await olga.PutAsJsonAsync("api/v1/users/olga", new { role = "Operator" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PutAsJsonAsync($"api/v1/users/{ServerProcess.AdminName}", new { disabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await olga.PutAsJsonAsync("api/v1/users/nobody", new { disabled = false })).StatusCode);

        using var users = JsonDocument.Parse(await olga.GetStringAsync("api/v1/users"));
        Assert.Equal(
            [("olga", "Admin", false), (ServerProcess.AdminName, "Admin", false)],
            users.RootElement.EnumerateArray().Select(user => (user.GetProperty("name").GetString(), user.GetProperty("role").GetString(), user.GetProperty("disabled").GetBoolean())));

        // Newest first, a page at a time; refused changes are not in it, and no password is.
        var audit = await olga.GetStringAsync("api/v1/audit");
        using var entries = JsonDocument.Parse(audit);
        Assert.Equal(
            [
                ("olga", "user.enable", ServerProcess.AdminName),
                ("olga", "user.disable", ServerProcess.AdminName),
                (ServerProcess.AdminName, "user.password", "olga"),
                (ServerProcess.AdminName, "user.role", "olga"),
                (ServerProcess.AdminName, "user.create", "olga"),
                ("configuration", "user.create", ServerProcess.AdminName),
            ],
            entries.RootElement.EnumerateArray().Select(entry => (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString())));
        Assert.DoesNotContain(Password, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, audit, StringComparison.Ordinal);
        using var firstPage = JsonDocument.Parse(await olga.GetStringAsync("api/v1/audit?limit=2"));
        var before = Uri.EscapeDataString(firstPage.RootElement[1].GetProperty("at").GetString()!);
        using var secondPage = JsonDocument.Parse(await olga.GetStringAsync($"api/v1/audit?limit=2&before={before}"));
        Assert.Equal("user.password", secondPage.RootElement[0].GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await olga.GetAsync("api/v1/audit?limit=0")).StatusCode);

        // Nothing secret reached the server's output: no password, no session cookie.
        var output = server.Output;
        foreach (var secret in new[] { Password, NewPassword, ServerProcess.AdminPassword, (await server.SignInAsync()).Value })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }
}
