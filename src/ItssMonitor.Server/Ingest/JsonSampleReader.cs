using System.Globalization;
using System.Text.Json;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Reads one element of the <c>samples</c> array of <c>POST /api/v1/samples</c>: a <see cref="CheckSample"/>, or,
/// with <c>"type": "security"</c>, a <see cref="SecuritySample"/> (what an agent's TLS probe saw).
/// Each element is read on its own (not bound to a class), so a wrong type in one sample rejects that sample
/// with its reason instead of the whole request. Unknown properties are rejected: a misspelt <c>latency_ms</c>
/// would otherwise vanish silently. An absent kind is left empty for <see cref="PushCheckPolicy"/> to fill.
/// </summary>
internal static class JsonSampleReader
{
    private const string CheckType = "check";
    private const string SecurityType = "security";
    private const string KnownForCheck = "type, service, check, kind, timestamp, location, up, latencyMs, statusCode, error";
    private const string KnownForSecurity = "type, service, check, kind, timestamp, location, certDaysLeft, tlsVersion, chainValid, hostnameValid, authFailures";

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static string? Read(JsonElement element, DateTimeOffset now, out Sample? sample)
    {
        sample = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"expected an object, got {Describe(element)}";
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (properties.ContainsKey(property.Name))
            {
                return $"property \"{SampleValues.Shorten(property.Name)}\" appears twice";
            }

            properties[property.Name] = property.Value;
        }

        var type = CheckType;
        if (properties.Remove("type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null)
        {
            if (String("type", typeElement, out var typeName) is { } typeProblem)
            {
                return typeProblem;
            }

            if (typeName is not (CheckType or SecurityType))
            {
                return $"type: expected \"{CheckType}\" (the default) or \"{SecurityType}\", got \"{SampleValues.Shorten(typeName!)}\"";
            }

            type = typeName;
        }

        string? service = null, check = null, kind = null, location = null, error = null, tlsVersion = null;
        bool? up = null, chainValid = null, hostnameValid = null;
        double? latency = null, certDaysLeft = null;
        long? status = null, authFailures = null;
        var timestamp = now;
        foreach (var (name, value) in properties.Where(property => property.Value.ValueKind != JsonValueKind.Null))
        {
            var problem = (type, name) switch
            {
                (_, "service") => String(name, value, out service),
                (_, "check") => String(name, value, out check),
                (_, "kind") => String(name, value, out kind),
                (_, "location") => String(name, value, out location),
                (_, "timestamp") => Timestamp(value, out timestamp),
                (CheckType, "up") => Scalar(name, value, out var scalar) ?? SampleValues.Up(name, scalar!, out up),
                (CheckType, "latencyMs") => Scalar(name, value, out var scalar) ?? SampleValues.Latency(name, scalar!, out latency),
                (CheckType, "statusCode") => Scalar(name, value, out var scalar) ?? SampleValues.Integer(name, scalar!, 0, 999, out status),
                (CheckType, "error") => Scalar(name, value, out var scalar) ?? SampleValues.Error(name, scalar!, out error),
                (SecurityType, "certDaysLeft") => Scalar(name, value, out var scalar) ?? SampleValues.Number(name, scalar!, out certDaysLeft),
                (SecurityType, "tlsVersion") => Scalar(name, value, out var scalar) ?? SampleValues.Text(name, scalar!, out tlsVersion),
                (SecurityType, "chainValid") => Scalar(name, value, out var scalar) ?? SampleValues.Boolean(name, scalar!, out chainValid),
                (SecurityType, "hostnameValid") => Scalar(name, value, out var scalar) ?? SampleValues.Boolean(name, scalar!, out hostnameValid),
                (SecurityType, "authFailures") => Scalar(name, value, out var scalar) ?? SampleValues.Integer(name, scalar!, 0, SampleValues.MaxCount, out authFailures),
                _ => $"unknown property \"{SampleValues.Shorten(name)}\" (known: {(type == CheckType ? KnownForCheck : KnownForSecurity)})",
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

        if (type == SecurityType)
        {
            sample = new SecuritySample(serviceName, checkName, kindName, locationName, timestamp, certDaysLeft, tlsVersion, chainValid, hostnameValid, authFailures);
            return null;
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
