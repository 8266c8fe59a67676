using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// Feeds ItssMonitor the scenario's changes as an agent would: each batch one <c>POST /api/v1/samples</c>, every sample
/// stamped with its send time, at most <see cref="InFlight"/> requests outstanding so a slow answer never slows the rate.
/// </summary>
internal sealed class SampleDriver(HttpClient http, string apiKey, FanoutOptions options)
{
    public const int InFlight = 32;

    private readonly SemaphoreSlim _inFlight = new(InFlight);
    private readonly List<Task> _requests = [];
    private long _failed;

    /// <summary>Requests that did not answer 202 (each counts, so a dropped batch never hides in the latency figures).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await new ChangeDriver(options).RunAsync(async batch =>
        {
            await _inFlight.WaitAsync(cancellationToken);
            _requests.Add(PostAsync(batch));
            _requests.RemoveAll(request => request.IsCompleted);
        }, cancellationToken);
        await Task.WhenAll(_requests);
    }

    private async Task PostAsync(IReadOnlyList<ServiceChange> batch)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/samples") { Content = Body(batch) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failed);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private static ByteArrayContent Body(IReadOnlyList<ServiceChange> batch)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("samples");
            foreach (var change in batch)
            {
                json.WriteStartObject();
                json.WriteString("service", FanoutOptions.ServiceName(change.Service));
                json.WriteString("check", "push");
                json.WriteBoolean("up", change.Up);
                json.WriteNumber("latencyMs", 42);
                json.WriteString("timestamp", change.SentAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName);
        return content;
    }
}
