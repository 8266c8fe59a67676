using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Reads an ingest request body into memory, never more than <c>Ingest:MaxBodyBytes</c>: the limit is applied to the
/// bytes received and again to the bytes a gzip body expands to, so a gzip bomb stops at the limit.
/// </summary>
internal static class RequestBody
{
    private const int BufferSize = 64 * 1024;

    /// <summary>The body, or the problem to answer instead (413, 415 or 400).</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request, maxBytes, ""));
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(
                title: "Unsupported Content-Encoding",
                detail: $"Content-Encoding '{SampleValues.Shorten(encoding)}' is not supported; send gzip or no encoding.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            await using var decompressed = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            var source = decompressed ?? request.Body;
            using var target = new MemoryStream();
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (target.Length + read > maxBytes)
                {
                    return (null, TooLarge(request, maxBytes, gzip ? " once decompressed" : ""));
                }

                target.Write(buffer, 0, read);
            }

            return (target.ToArray(), null);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request, maxBytes, ""));
        }
        catch (InvalidDataException exception)
        {
            return (null, Results.Problem(title: "The body is not valid gzip", detail: exception.Message, statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static IResult TooLarge(HttpRequest request, long maxBytes, string how)
    {
        // The rest of the body is never read, and the server cannot drain it past the size limit: it closes the
        // connection after answering. Saying so keeps the client (Telegraf, an agent) from sending its next request
        // on that connection and seeing it cut off.
        request.HttpContext.Response.Headers.Connection = "close";
        return Results.Problem(
            title: "The request body is too large",
            detail: $"The body is larger than {maxBytes} bytes{how} (Ingest:MaxBodyBytes); send smaller batches.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }
}
