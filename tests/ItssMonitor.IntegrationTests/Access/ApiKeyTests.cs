using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Ingest API keys created and revoked by an admin over <c>/api/v1/api-keys</c>, against the real server process.</summary>
public sealed class ApiKeyTests(AccessKeysServer server) : IClassFixture<AccessKeysServer>
{
    private const string Route = "api/v1/api-keys";

    [Fact]
    public async Task ApiKey_created_over_the_api_ingests_shows_its_last_use_and_is_refused_once_revoked()
    {
        var key = await server.CreateAsync(Route, "rack-12 telegraf");
        Assert.StartsWith("itss_key_", key.Secret, StringComparison.Ordinal);
        Assert.StartsWith(key.Prefix, key.Secret, StringComparison.Ordinal);
        Assert.Contains("[[outputs.influxdb]]", key.Usage, StringComparison.Ordinal);
        Assert.Contains($"password = \"{key.Secret}\"", key.Usage, StringComparison.Ordinal);
        Assert.Contains($"urls = [\"{new Uri(server.Server.Url, "api/v1")}\"]", key.Usage, StringComparison.Ordinal);
        var listed = await server.ListedAsync(Route, key.Id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.DoesNotContain(key.Secret, await server.Admin.GetStringAsync(Route), StringComparison.Ordinal);

        // The ring learns of a key created on this node at once, but asynchronously: allow it a moment.
        await AccessKeysServer.UntilAsync(async () => await server.PushWithAsync(key.Secret) == HttpStatusCode.Accepted, "the new key to be accepted");
        var used = await server.ListedAsync(Route, key.Id);
        Assert.Equal(JsonValueKind.String, used.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("admin", used.GetProperty("source").GetString());

        // Telegraf's way: the key as the password of Basic authentication, line protocol to /api/v1/write.
        using (var write = new HttpRequestMessage(HttpMethod.Post, "api/v1/write?db=telegraf")
        {
            Content = new StringContent($"check_result,service={AccessKeysServer.Service},check={AccessKeysServer.Check} up=1i", Encoding.UTF8, "text/plain"),
        })
        {
            write.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("telegraf:" + key.Secret)));
            using var anonymous = server.NewClient();
            using var written = await anonymous.SendAsync(write);
            Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);
        }

        await server.RevokeAsync(Route, key.Id);
        await AccessKeysServer.UntilAsync(async () => await server.PushWithAsync(key.Secret) == HttpStatusCode.Forbidden, "the revoked key to be refused");
        var revoked = await server.ListedAsync(Route, key.Id);
        Assert.Equal(ServerProcess.AdminName, revoked.GetProperty("revokedBy").GetString());
        Assert.Equal(JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);
        Assert.False(revoked.GetProperty("revocable").GetBoolean());

        // A second revocation changes nothing; an id that does not exist is a 404 problem.
        await server.RevokeAsync(Route, key.Id);
        using var missing = await server.Admin.DeleteAsync($"{Route}/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiKey_configured_keys_are_listed_as_from_configuration_not_revocable_and_keep_working()
    {
        var configured = Assert.Single(await server.ListAsync(Route), entry => entry.GetProperty("name").GetString() == AccessKeysServer.ConfiguredKeyName);
        Assert.Equal("configuration", configured.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, configured.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, configured.GetProperty("prefix").ValueKind);
        Assert.False(configured.GetProperty("revocable").GetBoolean());

        await server.Push.PushAsync(PushServer.CheckResult(AccessKeysServer.Service, AccessKeysServer.Check, true, PushServer.NextTimestamp()));
    }

    [Theory]
    [InlineData("", 400, "A name is required.")]
    [InlineData("  ", 400, "A name is required.")]
    [InlineData(null, 400, "A name is required.")]
    [InlineData(AccessKeysServer.ConfiguredKeyName, 409, "An active API key is already called 'configured-agent'.")]
    public async Task ApiKey_names_are_checked_with_a_problem_naming_the_field(string? name, int status, string problem)
    {
        using var response = await server.Admin.PostAsJsonAsync(Route, new { name });

        await AssertNameProblemAsync(response, status, problem);
    }

    [Fact]
    public async Task ApiKey_names_are_unique_among_active_keys_and_at_most_100_characters()
    {
        var first = await server.CreateAsync(Route, "Duplicate Host");
        using (var again = await server.Admin.PostAsJsonAsync(Route, new { name = "duplicate host " }))
        {
            await AssertNameProblemAsync(again, 409, "An active API key is already called 'duplicate host'.");
        }

        using (var tooLong = await server.Admin.PostAsJsonAsync(Route, new { name = new string('n', 101) }))
        {
            await AssertNameProblemAsync(tooLong, 400, "The name is longer than 100 characters.");
        }

        // Once revoked, the name is free again; a kiosk token may have it all along.
        await server.RevokeAsync(Route, first.Id);
        var second = await server.CreateAsync(Route, "Duplicate Host");
        Assert.NotEqual(first.Id, second.Id);
        await server.CreateAsync("api/v1/kiosk-tokens", "Duplicate Host");
    }

    [Fact]
    public async Task ApiKey_and_kiosk_token_admin_apis_refuse_callers_who_are_not_signed_in()
    {
        using var anonymous = server.NewClient();
        foreach (var route in new[] { Route, "api/v1/kiosk-tokens" })
        {
            using var list = await anonymous.GetAsync(route);
            Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
            using var create = await anonymous.PostAsJsonAsync(route, new { name = "sneaky" });
            Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
            using var revoke = await anonymous.DeleteAsync($"{route}/1");
            Assert.Equal(HttpStatusCode.Unauthorized, revoke.StatusCode);
        }

        // An ingest key is for ingest only.
        anonymous.DefaultRequestHeaders.Authorization = server.Push.Http.DefaultRequestHeaders.Authorization;
        using var withKey = await anonymous.GetAsync(Route);
        Assert.Equal(HttpStatusCode.Unauthorized, withKey.StatusCode);
    }

    private static async Task AssertNameProblemAsync(HttpResponseMessage response, int status, string problem)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([problem], body.GetProperty("errors").GetProperty("name").EnumerateArray().Select(message => message.GetString()));
    }
}
