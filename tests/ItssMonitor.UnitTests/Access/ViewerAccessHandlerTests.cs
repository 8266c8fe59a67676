using System.Security.Claims;
using ItssMonitor.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItssMonitor.UnitTests.Access;

/// <summary>Who meets the Viewer policy: a role of Viewer or above; with AnonymousViewer, nobody signed in; for /metrics, an ingest key too.</summary>
public sealed class ViewerAccessHandlerTests
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    [Theory]
    [InlineData("Viewer", true)]
    [InlineData("Operator", true)]
    [InlineData("Admin", true)]
    [InlineData(null, false)]
    public async Task A_signed_in_user_needs_a_role(string? role, bool met)
    {
        Assert.Equal(met, await MeetsAsync(SignedIn(role, "Cookies"), anonymousViewer: true, acceptsIngestKey: false));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Nobody_signed_in_meets_it_only_with_AnonymousViewer(bool anonymousViewer, bool met)
    {
        Assert.Equal(met, await MeetsAsync(Nobody, anonymousViewer, acceptsIngestKey: false));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task An_ingest_key_meets_it_only_where_keys_are_accepted(bool acceptsIngestKey, bool met)
    {
        Assert.Equal(met, await MeetsAsync(SignedIn(null, "IngestApiKey"), anonymousViewer: false, acceptsIngestKey));
    }

    private static ClaimsPrincipal SignedIn(string? role, string scheme) => new(new ClaimsIdentity(
        role is null ? [new Claim(ClaimTypes.Name, "someone")] : [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], scheme));

    private static async Task<bool> MeetsAsync(ClaimsPrincipal user, bool anonymousViewer, bool acceptsIngestKey)
    {
        using var services = new ServiceCollection().Configure<AuthOptions>(options => options.AnonymousViewer = anonymousViewer).BuildServiceProvider();
        var requirement = new ViewerAccessRequirement(acceptsIngestKey);
        var context = new AuthorizationHandlerContext([requirement], user, resource: null);
        await new ViewerAccessHandler(services.GetRequiredService<IOptionsMonitor<AuthOptions>>()).HandleAsync(context);
        return context.HasSucceeded;
    }
}
