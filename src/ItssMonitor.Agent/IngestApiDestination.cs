using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage;

namespace ItssMonitor.Agent;

/// <summary>
/// Delivers the agent's batches to a server's <c>POST /api/v1/samples</c>. What the server cannot take
/// now (unreachable, overloaded, refusing the key) is reported as unavailable, so the writer keeps it on
/// disk and replays it in order; what the server rejects as invalid is reported as rejected and not retried.
/// </summary>
public sealed class IngestApiDestination(HttpClient http, AgentOptions options) : ISampleDestination
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Uri _endpoint = new(new Uri(options.ServerUrl!.TrimEnd('/') + "/"), "api/v1/samples");

    public string Description => $"ItssMonitor server at {_endpoint.GetLeftPart(UriPartial.Authority)}";

    public async Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(samples, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var problem = await response.Content.ReadAsStringAsync(cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity:
                throw new SampleWriteRejectedException($"{Description} rejected samples (HTTP {(int)response.StatusCode}): {problem}", RejectedCount(problem, samples.Count));
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new SampleStoreUnavailableException($"{Description} refused the API key (HTTP {(int)response.StatusCode}); check Agent:ApiKey against the server's Ingest:ApiKeys.");
            default:
                throw new SampleStoreUnavailableException($"{Description} answered HTTP {(int)response.StatusCode}: {problem}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(new { samples }, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SampleStoreUnavailableException($"{Description} did not answer within {options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            throw new SampleStoreUnavailableException($"{Description} is unreachable: {exception.Message}", exception);
        }
    }

    /// <summary>The server lists each rejected sample in <c>errors</c>; without that list, the whole batch counts as rejected.</summary>
    private static int RejectedCount(string problem, int batchSize)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? errors.GetArrayLength()
                : batchSize;
        }
        catch (JsonException)
        {
            return batchSize;
        }
    }
}
