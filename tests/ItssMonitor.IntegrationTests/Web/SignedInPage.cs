using ItssMonitor.IntegrationTests.Fixtures;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>Signs a browser page in by giving its context the session cookie the server set for an API sign-in.</summary>
public static class SignedInPage
{
    public static async Task SignInAsync(IPage page, ServerProcess server, string name = ServerProcess.AdminName, string password = ServerProcess.AdminPassword)
    {
        var session = await server.SignInAsync(name, password);
        await page.Context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Url = server.Url.ToString() }]);
    }
}
