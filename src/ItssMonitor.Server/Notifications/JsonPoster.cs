using System.Net.Http.Headers;
using System.Text;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// POSTs a JSON body to an HTTP channel's URL and fails on anything but 2xx, with the status and the start of the
/// answer. Shared by the webhook, Slack and Teams senders, which differ only in the body and headers.
/// </summary>
internal sealed class JsonPoster(IHttpClientFactory clients)
{
    /// <summary>The named HttpClient, registered without request logging: its log lines would show the URL.</summary>
    public const string ClientName = "notifications";

    private const int ExcerptLength = 200;

    public async Task PostAsync(NotificationChannel channel, byte[] body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var url = channel.Url ?? throw new NotificationDeliveryException($"Channel '{channel.Name}' ({channel.Kind}) has no url.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var excerpt = answer.Length > ExcerptLength ? answer[..ExcerptLength] + "…" : answer;
            throw new NotificationDeliveryException(
                $"Channel '{channel.Name}' ({channel.Kind}): {url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Flatten(excerpt)}");
        }
    }

    private static string Flatten(string text) => new StringBuilder(text).Replace('\r', ' ').Replace('\n', ' ').ToString().Trim();
}
