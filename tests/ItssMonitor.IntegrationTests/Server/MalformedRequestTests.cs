using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Server;

/// <summary>
/// A body the endpoints cannot bind gets a problem+json saying what and where, in development too, where ASP.NET
/// Core's own answer is an exception page echoing the request's headers (the session cookie among them).
/// </summary>
public sealed class MalformedRequestTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task A_body_that_is_not_the_JSON_asked_for_is_a_problem_naming_the_place_and_one_not_declared_JSON_is_415(string environment)
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment });
        using var http = await server.CreateClientAsync();

        using var notJson = await http.PostAsync("api/v1/users", new StringContent("{\"name\": [\"bob\"]}", Encoding.UTF8, "application/json"));
        var problem = await notJson.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Malformed request", problem.GetProperty("title").GetString());
        Assert.StartsWith("The body is not valid JSON for this request at $.name (line 1, byte 11)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _), "the answer carries the exception and the request's headers");

        using var plainText = await http.PostAsync("api/v1/api-keys", new StringContent("{\"name\": \"agent\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainText.StatusCode);
    }
}
