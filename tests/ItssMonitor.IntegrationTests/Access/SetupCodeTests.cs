using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// The first run of a server with no account: it prints where to create the first admin, with a one-time code, and
/// <c>/setup</c> creates that admin only with the code, and only once.
/// </summary>
public sealed partial class SetupCodeTests
{
    private const string Password = "the first admin's password";

    [Fact]
    public async Task The_printed_setup_code_creates_the_first_admin_once_and_nothing_else_does()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Auth__Admin__Name"] = "", ["Auth__Admin__Password"] = "" });
        var printed = await WaitForSetupAddressAsync(server);
        Assert.StartsWith(new Uri(server.Url, "setup?code=").ToString(), printed);
        var code = printed[(printed.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        using var http = FormPost.Client(server.Url);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("setup")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("setup?code=0123456789abcdef0123456789abcdef")).StatusCode);
        // A valid form (antiforgery token and all) posted with a wrong code: the page has no form to take it (400), and
        // nobody is created (the audit below has one entry).
        using (var wrong = await FormPost.SendAsync(http, $"setup?code={code}", "setup", Fields("mallory", Password), postTo: "setup?code=0123456789abcdef0123456789abcdef"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Null(wrong.Headers.Location);
        }

        using (var tooShort = await FormPost.SendAsync(http, $"setup?code={code}", "setup", Fields("root", "short")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
            Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());
        }

        using (var created = await FormPost.SendAsync(http, $"setup?code={code}", "setup", Fields("root", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal(server.Url, new Uri(server.Url, created.Headers.Location!));
        }

        using var me = JsonDocument.Parse(await http.GetStringAsync("api/v1/me"));
        Assert.Equal(("root", "Admin"), (me.RootElement.GetProperty("name").GetString(), me.RootElement.GetProperty("role").GetString()));
        using var audit = JsonDocument.Parse(await http.GetStringAsync("api/v1/audit"));
        var entry = Assert.Single(audit.RootElement.EnumerateArray());
        Assert.Equal(("setup", "user.create", "root"), (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString()));
        using var users = JsonDocument.Parse(await http.GetStringAsync("api/v1/users"));
        Assert.NotEqual(JsonValueKind.Null, users.RootElement.EnumerateArray().Single().GetProperty("lastSignInAt").ValueKind);

        // Used up: the same code opens nothing any more, and signing in is the way in.
        using var again = FormPost.Client(server.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"setup?code={code}")).StatusCode);
        using var signIn = await again.PostAsJsonAsync("api/v1/session", new { name = "root", password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.DoesNotContain(Password, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Auth_Admin_set_no_setup_code_is_printed_and_the_page_is_closed()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>());
        using var http = FormPost.Client(server.Url);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("setup")).StatusCode);
        Assert.DoesNotContain("setup?code=", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerProcess.AdminPassword, server.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string name, string password) => new() { ["Input.Name"] = name, ["Input.Password"] = password };

    private static async Task<string> WaitForSetupAddressAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (SetupAddress().Match(server.Output) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The server printed no setup address within 30 s:\n{server.Output}");
        return "";
    }

    [GeneratedRegex(@"No accounts yet\. Create the first admin at (\S+)")]
    private static partial Regex SetupAddress();
}
