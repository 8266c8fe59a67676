using ItssMonitor.Server.Access.Oidc;
using ItssMonitor.Server.Pages.Shared;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItssMonitor.UnitTests.Access;

/// <summary>The login page's "Sign in with …" link: there only when the OpenID Connect scheme is registered.</summary>
public sealed class OidcSignInLinkTests
{
    [Fact]
    public async Task With_the_scheme_registered_the_link_names_the_provider_and_carries_the_return_address()
    {
        var html = await RenderAsync(authentication => authentication.AddScheme<AuthenticationSchemeOptions, NoHandler>(OidcSignIn.Scheme, "Test SSO", _ => { }));

        Assert.Contains("Sign in with Test SSO", html);
        Assert.Contains("href=\"/login/oidc?returnUrl=%2Fwall%3Fteam%3Dpayments\"", html);
    }

    [Fact]
    public async Task Without_the_scheme_nothing_is_shown()
    {
        Assert.Equal("", (await RenderAsync(_ => { })).Trim());
    }

    private static async Task<string> RenderAsync(Action<AuthenticationBuilder> schemes)
    {
        var services = new ServiceCollection().AddLogging();
        schemes(services.AddAuthentication());
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<OidcSignInLink>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ReturnUrl"] = "/wall?team=payments" }))).ToHtmlString());
    }

    private sealed class NoHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
