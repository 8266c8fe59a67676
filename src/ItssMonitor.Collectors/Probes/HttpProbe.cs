using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// GETs the check's URL. Up when the status is the expected one (any 2xx when none is set), the body
/// contains the expected text and the answer came within the latency limit; latency is the time until the
/// response has been read (at most <see cref="MaxBodyBytes"/> of it). For https the certificate is judged
/// as the TLS probe judges it, and what the handshake showed is reported either way.
/// </summary>
public sealed class HttpProbe(TimeProvider time, ProbeCertificateTrust? trust = null) : IProbe
{
    /// <summary>How many redirects are followed when the check follows redirects.</summary>
    public const int MaxRedirects = 10;

    /// <summary>How much of a body is read; a page that large is a wrong answer for a health check, or a stream.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public string Kind => CheckKinds.Http;

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        if (check.Url is not { } url)
        {
            return ProbeOutcome.Failed("no url configured");
        }

        var tls = new TlsObservation(url.IdnHost, completeInvalidHandshakes: false);

        // A handler of its own per run: every run then makes a fresh connection (so connection, lookup and
        // certificate problems are seen instead of hidden behind a pooled keep-alive connection), and the
        // certificate callback belongs to this run alone.
        using var handler = CreateHandler(check.FollowRedirects, tls);
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ItssMonitor", null));
        var timer = LatencyTimer.Start(time);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadBodyAsync(response.Content, decode: check.Expect.BodyContains is not null, cancellationToken);
            var latency = timer.ElapsedMs;
            var now = time.GetUtcNow();
            return Judge(check, response, body, latency, tls.Problem(now)).WithinLatencyLimit(check.Expect.MaxLatencyMs) with { Security = tls.Facts(now) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout) with { Security = tls.Facts(time.GetUtcNow()) };
        }
        catch (HttpRequestException exception)
        {
            var now = time.GetUtcNow();
            return ProbeOutcome.Failed(Describe(exception, url, tls.Problem(now)), timer.ElapsedMs) with { Security = tls.Facts(now) };
        }
    }

    private static ProbeOutcome Judge(CheckDefinition check, HttpResponseMessage response, BoundedBody body, double latency, string? certificateProblem)
    {
        var status = (int)response.StatusCode;
        if (certificateProblem is not null)
        {
            return ProbeOutcome.Failed(certificateProblem, latency, status);
        }

        var statusExpected = check.Expect.Status is { } expectedStatus ? status == expectedStatus : response.IsSuccessStatusCode;
        if (!statusExpected)
        {
            return ProbeOutcome.Failed($"HTTP {status} {response.ReasonPhrase}, expected {check.Expect.Status?.ToString() ?? "2xx"}", latency, status);
        }

        if (check.Expect.BodyContains is { } expectedText && !body.Text.Contains(expectedText, StringComparison.Ordinal))
        {
            return ProbeOutcome.Failed(
                body.Truncated ? $"body does not contain \"{expectedText}\" (first {MaxBodyBytes / 1024 / 1024} MiB read)" : $"body does not contain \"{expectedText}\"",
                latency,
                status);
        }

        return new ProbeOutcome(true, latency, status);
    }

    private SocketsHttpHandler CreateHandler(bool followRedirects, TlsObservation tls) => new()
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = MaxRedirects,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        SslOptions =
        {
            RemoteCertificateValidationCallback = tls.Validate,

            // As in the TLS probe: no revocation fetches from the internet within a probe's timeout.
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = trust?.CreatePolicy(),
        },
    };

    private static string Describe(HttpRequestException exception, Uri url, string? certificateProblem)
    {
        if (certificateProblem is not null)
        {
            return certificateProblem;
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketException)
            {
                return SocketErrorText.Describe(socketException, $"{url.IdnHost}:{url.Port}");
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => $"connection closed before a complete answer ({url.IdnHost}:{url.Port})",
            HttpRequestError.SecureConnectionError => $"TLS handshake failed ({url.IdnHost}:{url.Port}): {exception.InnerException?.Message ?? exception.Message}",
            _ => exception.Message,
        };
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> of the body; decodes it only when the check looks into it.</summary>
    private static async Task<BoundedBody> ReadBodyAsync(HttpContent content, bool decode, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            // One byte past the limit tells a body of exactly the limit from a longer one.
            var length = 0;
            int read;
            while (length <= MaxBodyBytes && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            var truncated = length > MaxBodyBytes;
            var text = decode ? EncodingOf(content).GetString(buffer, 0, Math.Min(length, MaxBodyBytes)) : string.Empty;
            return new BoundedBody(text, truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        try
        {
            return content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            // A charset .NET does not know: UTF-8 still finds ASCII text, which is what health checks look for.
            return Encoding.UTF8;
        }
    }

    private sealed record BoundedBody(string Text, bool Truncated);
}
