using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Ingest;

/// <summary>Ingest settings that need a server of their own: the push-check policy, the rate limit, invalid keys.</summary>
public sealed class IngestServerSettingsTests
{
    [Fact]
    public async Task By_default_only_push_checks_accept_samples_and_security_facts_go_to_any_declared_check()
    {
        // The demo estate declares http checks only, e.g. "Payments API"/"health".
        await using var server = await IngestServer.StartAsync();

        using var response = await server.WriteAsync(
            "check_result,service=Payments\\ API,check=health up=1i\n"
            + "check_result,service=Payments\\ API,check=nightly up=1i\n"
            + "check_result,service=Batch,check=import up=1i\n"
            + "security_event,service=Identity,check=login auth_failures=5i\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, problem.GetProperty("accepted").GetInt32());
        Assert.Equal(
            [
                "check \"Payments API/health\" is probed by ItssMonitor itself (kind: http); only push checks accept samples",
                "service \"Payments API\" has no check \"nightly\"; declare it with kind: push, or set Ingest:AcceptUnknownChecks",
                "service \"Batch\" is not monitored; declare it with a check \"import\" of kind: push, or set Ingest:AcceptUnknownChecks",
            ],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Over_the_rate_limit_a_key_gets_429_with_Retry_After_and_other_keys_are_not_affected()
    {
        await using var server = await IngestServer.StartAsync(("Ingest__RequestsPerSecond", "1"), ("Ingest__RequestBurst", "2"), ("Ingest__AcceptUnknownChecks", "true"));
        var service = TestData.UniqueName("rate");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await server.WriteAsync($"check_result,service={service},check=c up=1i");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
            Assert.Contains("API key 'agent' is over its rate limit", await limited.Content.ReadAsStringAsync());
        }

        using var other = await server.WriteAsync($"check_result,service={service},check=c up=1i", key: IngestServer.TelegrafKey);
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }

    [Fact]
    public async Task A_short_API_key_stops_the_start_naming_the_setting_but_not_the_key()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Ingest__ApiKeys__0__Name"] = "agent",
            ["Ingest__ApiKeys__0__Key"] = "short-secret",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Ingest:ApiKeys:0:Key (API key 'agent') is shorter than 16 characters", output);
        Assert.DoesNotContain("short-secret", output);
        Assert.DoesNotContain("   at ", output);
    }
}
