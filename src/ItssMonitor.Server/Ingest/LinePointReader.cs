using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Turns a parsed <see cref="LinePoint"/> of <c>check_result</c> or <c>security_event</c> into a sample, checking the
/// schema in DESIGN.md. Tag values are taken as they arrive: plain line protocol, never percent-decoded (our own
/// percent-encoding is a storage detail), so a pushed <c>50%25</c> is the name "50%25". Tags other than service, check,
/// kind and location are ignored (Telegraf adds <c>host</c> to every point); unknown fields are rejected, since a
/// misspelt field would otherwise vanish silently. An absent kind is left empty for <see cref="PushCheckPolicy"/> to fill.
/// </summary>
internal static class LinePointReader
{
    public const string CheckMeasurement = "check_result";
    public const string SecurityMeasurement = "security_event";

    public static string? Read(LinePoint point, TimestampPrecision precision, DateTimeOffset now, out Sample? sample)
    {
        sample = null;
        if (point.Measurement is not (CheckMeasurement or SecurityMeasurement))
        {
            return $"measurement \"{SampleValues.Shorten(point.Measurement)}\" is not accepted; only {CheckMeasurement} and {SecurityMeasurement} are";
        }

        string?[] problems =
        [
            SampleValues.Name("tag service", point.Tags.GetValueOrDefault("service"), required: true, out var service),
            SampleValues.Name("tag check", point.Tags.GetValueOrDefault("check"), required: true, out var check),
            SampleValues.Name("tag kind", point.Tags.GetValueOrDefault("kind"), required: false, out var kind),
            SampleValues.Name("tag location", point.Tags.GetValueOrDefault("location"), required: false, out var location),
        ];
        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            return problem;
        }

        var timestamp = now;
        if (point.Timestamp is { } raw && !precision.TryToInstant(raw, out timestamp))
        {
            return $"timestamp {raw} (precision {precision.Name}) is out of range";
        }

        return point.Measurement == CheckMeasurement
            ? ReadCheck(point, service, check, kind, location, timestamp, out sample)
            : ReadSecurity(point, service, check, kind, location, timestamp, out sample);
    }

    private static string? ReadCheck(LinePoint point, string service, string check, string kind, string location, DateTimeOffset timestamp, out Sample? sample)
    {
        sample = null;
        bool? up = null;
        double? latency = null;
        long? status = null;
        string? error = null;
        foreach (var (key, value) in point.Fields)
        {
            var problem = key switch
            {
                "up" => SampleValues.Up("field up", value, out up),
                "latency_ms" => SampleValues.Latency("field latency_ms", value, out latency),
                "status_code" => SampleValues.Integer("field status_code", value, 0, 999, out status),
                "error" => SampleValues.Error("field error", value, out error),
                _ => $"unknown field \"{SampleValues.Shorten(key)}\"; {CheckMeasurement} has up, latency_ms, status_code and error",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        if (up is not { } isUp)
        {
            return "field up is missing (0 or 1)";
        }

        sample = new CheckSample(service, check, kind, location, timestamp, isUp, latency, (int?)status, error);
        return null;
    }

    private static string? ReadSecurity(LinePoint point, string service, string check, string kind, string location, DateTimeOffset timestamp, out Sample? sample)
    {
        sample = null;
        double? certDaysLeft = null;
        string? tlsVersion = null;
        bool? chainValid = null;
        bool? hostnameValid = null;
        long? authFailures = null;
        foreach (var (key, value) in point.Fields)
        {
            var problem = key switch
            {
                "cert_days_left" => SampleValues.Number("field cert_days_left", value, out certDaysLeft),
                "tls_version" => SampleValues.Text("field tls_version", value, out tlsVersion),
                "chain_valid" => SampleValues.Boolean("field chain_valid", value, out chainValid),
                "hostname_valid" => SampleValues.Boolean("field hostname_valid", value, out hostnameValid),
                "auth_failures" => SampleValues.Integer("field auth_failures", value, 0, SampleValues.MaxCount, out authFailures),
                _ => $"unknown field \"{SampleValues.Shorten(key)}\"; {SecurityMeasurement} has cert_days_left, tls_version, chain_valid, hostname_valid and auth_failures",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        sample = new SecuritySample(service, check, kind, location, timestamp, certDaysLeft, tlsVersion, chainValid, hostnameValid, authFailures);
        return null;
    }
}
