using System.Net;
using System.Net.Http.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Signing in over the login form (as a browser without JavaScript does) and the API, and the sign-in rate limit.</summary>
public sealed class SignInTests(AccessServer server) : IClassFixture<AccessServer>
{
    [Fact]
    public async Task The_login_form_signs_in_to_the_page_asked_for_with_one_error_for_any_wrong_credentials()
    {
        using var http = FormPost.Client(server.Process.Url);
        using var asked = await http.GetAsync("incidents");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var login = asked.Headers.Location!.PathAndQuery;
        Assert.Equal("/login?ReturnUrl=%2Fincidents", login);

        using var wrongPassword = await FormPost.SendAsync(http, login, "login", Credentials(AccessServer.OperatorName, "not the password"));
        using var wrongName = await FormPost.SendAsync(http, login, "login", Credentials("nobody", AccessServer.Password));
        var (passwordText, nameText) = (await wrongPassword.Content.ReadAsStringAsync(), await wrongName.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongPassword.StatusCode, wrongName.StatusCode));
        Assert.Contains("The name or the password is wrong, or the account is disabled.", passwordText);
        Assert.Contains("The name or the password is wrong, or the account is disabled.", nameText);
        Assert.DoesNotContain("not the password", passwordText, StringComparison.Ordinal);

        using var signedIn = await FormPost.SendAsync(http, login, "login", Credentials(AccessServer.OperatorName, AccessServer.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(new Uri(server.Process.Url, "incidents"), new Uri(server.Process.Url, signedIn.Headers.Location!));
        var page = await http.GetStringAsync("incidents");
        Assert.Contains(AccessServer.OperatorName, page);
        Assert.Contains("Operator", page);

        // The sign-out form needs its token; with it the session ends.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("logout", null)).StatusCode);
        using var signedOut = await FormPost.SendAsync(http, "incidents", "", new Dictionary<string, string>(), postTo: "logout");
        Assert.Equal((HttpStatusCode.Redirect, "/login"), (signedOut.StatusCode, signedOut.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("incidents")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_off_this_server_is_not_followed(string returnUrl)
    {
        using var http = FormPost.Client(server.Process.Url);
        using var signedIn = await FormPost.SendAsync(http, $"login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login", Credentials(AccessServer.ViewerName, AccessServer.Password));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(server.Process.Url, new Uri(server.Process.Url, signedIn.Headers.Location!));
    }

    [Fact]
    public async Task The_form_without_its_antiforgery_token_is_refused()
    {
        using var http = FormPost.Client(server.Process.Url);
        using var response = await http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>(Credentials(AccessServer.ViewerName, AccessServer.Password)) { ["_handler"] = "login" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_per_address_get_429_with_Retry_After_on_the_API_and_the_form()
    {
        await using var limited = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Auth__SignInAttemptsPerMinute"] = "3" });
        using var http = FormPost.Client(limited.Url);

        // Reading the login page is not an attempt; each POST is, right or wrong.
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await http.PostAsJsonAsync("api/v1/session", new { name = ServerProcess.AdminName, password = "guess " + attempt });
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        using var over = await http.PostAsJsonAsync("api/v1/session", new { name = ServerProcess.AdminName, password = ServerProcess.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Auth:SignInAttemptsPerMinute", await over.Content.ReadAsStringAsync());
        using var form = await FormPost.SendAsync(http, "login", "login", Credentials(ServerProcess.AdminName, ServerProcess.AdminPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
    }

    private static Dictionary<string, string> Credentials(string name, string password) => new() { ["Input.Name"] = name, ["Input.Password"] = password };
}
