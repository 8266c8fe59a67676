using System.Net;
using System.Text.RegularExpressions;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// Fills in a server-rendered form as a browser without JavaScript does: reads the page (which sets the antiforgery
/// cookie and carries its token), then posts the fields with the token and the form's name back to the same address.
/// </summary>
public static partial class FormPost
{
    /// <summary>A client that keeps cookies but does not follow redirects, so a test sees where the server sends it.</summary>
    public static HttpClient Client(Uri server, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Reads the form at <paramref name="path"/> and posts it there, or to <paramref name="postTo"/> when given.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string formName, IReadOnlyDictionary<string, string> fields, string? postTo = null)
    {
        var page = await http.GetStringAsync(path);
        var token = VerificationToken().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token:\n{page}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["_handler"] = formName };
        return await http.PostAsync(postTo ?? path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
