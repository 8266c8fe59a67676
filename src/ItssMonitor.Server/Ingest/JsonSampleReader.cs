using System.Globalization;
using System.Text.Json;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Reads one element of the <c>samples</c> array of <c>POST /api/v1/samples</c> into a <see cref="CheckSample"/>.
/// Each element is read on its own (not bound to a class), so a wrong type in one sample rejects that sample
/// with its reason instead of the whole request. Unknown properties are rejected: a misspelt <c>latency_ms</c>
/// would otherwise vanish silently. An absent kind is left empty for <see cref="PushCheckPolicy"/> to fill.
/// </summary>
internal static class JsonSampleReader
{
    private const string Known = "service, check, kind, timestamp, up, latencyMs, statusCode, error, location";

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static string? Read(JsonElement element, DateTimeOffset now, out CheckSample? sample)
    {
        sample = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"expected an object, got {Describe(element)}";
        }

        string? service = null, check = null, kind = null, location = null, error = null;
        bool? up = null;
        double? latency = null;
        long? status = null;
        var timestamp = now;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return $"property \"{SampleValues.Shorten(property.Name)}\" appears twice";
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var label = property.Name;
            var problem = property.Name switch
            {
                "service" => String(label, property.Value, out service),
                "check" => String(label, property.Value, out check),
                "kind" => String(label, property.Value, out kind),
                "location" => String(label, property.Value, out location),
                "timestamp" => Timestamp(property.Value, out timestamp),
                "up" => Scalar(label, property.Value, out var value) ?? SampleValues.Up(label, value!, out up),
                "latencyMs" => Scalar(label, property.Value, out var value) ?? SampleValues.Latency(label, value!, out latency),
                "statusCode" => Scalar(label, property.Value, out var value) ?? SampleValues.Integer(label, value!, 0, 999, out status),
                "error" => Scalar(label, property.Value, out var value) ?? SampleValues.Error(label, value!, out error),
                _ => $"unknown property \"{SampleValues.Shorten(property.Name)}\" (known: {Known})",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        string?[] nameProblems =
        [
            SampleValues.Name("service", service, required: true, out var serviceName),
            SampleValues.Name("check", check, required: true, out var checkName),
            SampleValues.Name("kind", kind, required: false, out var kindName),
            SampleValues.Name("location", location, required: false, out var locationName),
        ];
        if (nameProblems.FirstOrDefault(p => p is not null) is { } nameProblem)
        {
            return nameProblem;
        }

        if (up is not { } isUpValue)
        {
            return "up is missing (true or false)";
        }

        sample = new CheckSample(serviceName, checkName, kindName, locationName, timestamp, isUpValue, latency, (int?)status, error);
        return null;
    }

    private static string? String(string label, JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is null ? $"{label}: expected a string, got {Describe(value)}" : null;
    }

    /// <summary>ISO 8601 with an offset: without one the instant would depend on the server's time zone.</summary>
    private static string? Timestamp(JsonElement value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null
            || !HasOffset(text)
            || !DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            var got = text is null ? Describe(value) : $"\"{SampleValues.Shorten(text)}\"";
            return $"timestamp: expected ISO 8601 with an offset, such as 2026-05-01T12:00:00Z or 2026-05-01T14:00:00+02:00, got {got}";
        }

        // Stores keep milliseconds; cut here so what is acknowledged is exactly what is stored.
        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(parsed.ToUnixTimeMilliseconds());
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>The JSON value as a line-protocol value (long, double, bool or string), so the same rules apply to both.</summary>
    private static string? Scalar(string label, JsonElement element, out object? value)
    {
        value = element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
            JsonValueKind.Number when element.TryGetDouble(out var number) => number,
            _ => null,
        };
        return value is null ? $"{label}: unexpected {Describe(element)}" : null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{SampleValues.Shorten(element.GetString()!)}\"",
        _ => element.GetRawText(),
    };
}
