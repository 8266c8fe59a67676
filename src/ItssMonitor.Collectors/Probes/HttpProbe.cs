using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// GETs the check's URL. Up when the status is the expected one (any 2xx when none is set);
/// latency is the time until the whole response has been read.
/// </summary>
public sealed class HttpProbe(IHttpClientFactory clients, TimeProvider time) : IProbe
{
    public const string HttpClientName = "probes";

    public string Kind => "http";

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var url = check.Url ?? throw new ArgumentException($"HTTP check '{check.Name}' has no url.", nameof(check));
        var started = time.GetTimestamp();
        double Elapsed() => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(url, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var latency = Elapsed();
            var status = (int)response.StatusCode;
            var expected = check.Expect.Status is { } expectedStatus ? status == expectedStatus : response.IsSuccessStatusCode;
            return expected
                ? new ProbeOutcome(true, latency, status)
                : ProbeOutcome.Failed($"HTTP {status} {response.ReasonPhrase}, expected {check.Expect.Status?.ToString() ?? "2xx"}", latency, status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (HttpRequestException exception)
        {
            return ProbeOutcome.Failed(exception.Message, Elapsed());
        }
    }
}
