using System.Net;
using ItssMonitor.IntegrationTests.Hub;
using Microsoft.AspNetCore.SignalR.Client;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// The table-driven access test: every endpoint the server maps has a row in <see cref="AccessTable"/> and declares the
/// row's access, and against the real server each row lets through exactly the callers its access allows.
/// </summary>
public sealed class EndpointAccessTests(AccessServer server) : IClassFixture<AccessServer>
{
    private static readonly Caller[] Callers = Enum.GetValues<Caller>();

    [Fact]
    public async Task Every_mapped_endpoint_has_a_row_and_declares_its_access_and_every_row_is_mapped()
    {
        var mapped = await MappedEndpoints.ListAsync();
        var table = AccessTable.Rows.ToDictionary(row => row.Key);

        Assert.True(table.Count == AccessTable.Rows.Count, "the access table has a route twice");
        Assert.Empty(mapped.Keys.Except(table.Keys).Select(key => $"{key}: mapped, but not in the access table; decide who may use it"));
        Assert.Empty(table.Keys.Except(mapped.Keys).Select(key => $"{key}: in the access table, but the server maps no such endpoint"));
        // An endpoint that declares nothing gets the fallback policy, Viewer.
        Assert.Empty(table.Values.Where(row => (mapped[row.Key] ?? Access.Viewer) != row.Access)
            .Select(row => $"{row}: the endpoint declares {mapped[row.Key]?.ToString() ?? "nothing (fallback Viewer)"}"));
    }

    [Fact]
    public async Task Each_caller_gets_through_exactly_the_rows_its_role_allows()
    {
        var wrong = new List<string>();
        foreach (var row in AccessTable.Rows)
        {
            foreach (var caller in Callers)
            {
                var expected = Expected(row.Access, caller, anonymousViewer: false);
                var (actual, answer) = await ProbeAsync(server, row, caller);
                if (actual != expected)
                {
                    wrong.Add($"{row} as {caller}: expected {expected}, got {actual} ({answer})");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task With_AnonymousViewer_on_no_sign_in_sees_what_a_Viewer_sees_and_nothing_more()
    {
        await using var open = await AccessServer.StartAsync(("Auth__AnonymousViewer", "true"));
        var wrong = new List<string>();
        foreach (var row in AccessTable.Rows)
        {
            var expected = Expected(row.Access, Caller.Anonymous, anonymousViewer: true);
            var (actual, answer) = await ProbeAsync(open, row, Caller.Anonymous);
            if (actual != expected)
            {
                wrong.Add($"{row} without sign-in: expected {expected}, got {actual} ({answer})");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_HSTS_over_plain_HTTP()
    {
        var missing = new List<string>();
        foreach (var row in AccessTable.Rows)
        {
            using var response = await server.SendAsync(Caller.Admin, row.ProbeMethod, row.ProbePath, row.ProbeBody);
            var headers = response.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in new[]
            {
                ("X-Content-Type-Options", "nosniff"),
                ("X-Frame-Options", "DENY"),
                ("Referrer-Policy", "no-referrer"),
            })
            {
                if (headers.GetValueOrDefault(name) != value)
                {
                    missing.Add($"{row}: {name} is '{headers.GetValueOrDefault(name)}'");
                }
            }

            if (headers.GetValueOrDefault("Content-Security-Policy") is not { } policy || !policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || !policy.Contains("script-src 'self'", StringComparison.Ordinal))
            {
                missing.Add($"{row}: Content-Security-Policy is '{headers.GetValueOrDefault("Content-Security-Policy")}'");
            }

            if (headers.ContainsKey("Strict-Transport-Security"))
            {
                missing.Add($"{row}: HSTS over plain HTTP");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_hub_refuses_a_client_without_sign_in_and_sends_a_Viewer_the_snapshot()
    {
        var hub = new Uri(server.Process.Url, "hubs/status");
        await using var anonymous = new HubConnectionBuilder().WithUrl(hub).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var viewer = await StatusListener.ConnectAsync(hub, server.SessionOf(Caller.Viewer));
        Assert.Equal(HubConnectionState.Connected, viewer.Connection.State);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_Admins_only()
    {
        using var asOperator = await server.SendAsync(Caller.Operator, "GET", "/hangfire/recurring");
        using var asAdmin = await server.SendAsync(Caller.Admin, "GET", "/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Redirect, asOperator.StatusCode);
        Assert.StartsWith("/denied", asOperator.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("ItssMonitor jobs", await asAdmin.Content.ReadAsStringAsync());
    }

    private static Outcome Expected(Access access, Caller caller, bool anonymousViewer)
    {
        var role = caller switch
        {
            Caller.Viewer => Access.Viewer,
            Caller.Operator => Access.Operator,
            Caller.Admin => Access.Admin,
            _ => (Access?)null,
        };
        return access switch
        {
            Access.Anonymous => Outcome.Allowed,
            Access.ApiKey => caller == Caller.ApiKey ? Outcome.Allowed : Outcome.Unauthenticated,
            Access.ViewerOrApiKey when caller == Caller.ApiKey => Outcome.Allowed,
            _ when role is null => anonymousViewer && access is Access.Viewer or Access.ViewerOrApiKey ? Outcome.Allowed : Outcome.Unauthenticated,
            Access.ViewerOrApiKey => Outcome.Allowed,
            _ => role >= access ? Outcome.Allowed : Outcome.Forbidden,
        };
    }

    private static async Task<(Outcome Outcome, string Answer)> ProbeAsync(AccessServer target, AccessRow row, Caller caller)
    {
        using var response = await target.SendAsync(caller, row.ProbeMethod, row.ProbePath, row.ProbeBody);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var path = location.StartsWith('/') ? location : response.Headers.Location?.PathAndQuery ?? "";
        var outcome = row.AnswersWithStatus
            ? status switch { 401 => Outcome.Unauthenticated, 403 => Outcome.Forbidden, _ => Outcome.Allowed }
            : (status, path) switch
            {
                (302, _) when path.StartsWith("/login", StringComparison.Ordinal) => Outcome.Unauthenticated,
                (302, _) when path.StartsWith("/denied", StringComparison.Ordinal) => Outcome.Forbidden,
                _ => Outcome.Allowed,
            };
        return (outcome, $"{status}{(location.Length > 0 ? " → " + location : "")}");
    }
}
