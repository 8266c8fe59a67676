using System.Globalization;
using System.Text;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage.Influx;

/// <summary>Encodes samples as InfluxDB line protocol with millisecond timestamps (the DESIGN.md schema).</summary>
internal static class LineProtocol
{
    public const string CheckMeasurement = "check_result";
    public const string SecurityMeasurement = "security_event";
    public const string RollupMeasurement = "check_rollup_1h";

    public static void Append(StringBuilder builder, Sample sample)
    {
        var fields = new FieldWriter(builder);
        var lineStart = builder.Length;
        builder.Append(sample is CheckSample ? CheckMeasurement : SecurityMeasurement);
        AppendTag(builder, "service", sample.Service);
        AppendTag(builder, "check", sample.Check);
        AppendTag(builder, "kind", sample.Kind);
        AppendTag(builder, "location", sample.Location);
        switch (sample)
        {
            case CheckSample check:
                fields.Integer("up", check.Up ? 1 : 0);
                fields.Float("latency_ms", check.LatencyMs);
                fields.Integer("status_code", check.StatusCode);
                fields.String("error", check.Error);
                break;
            case SecuritySample security:
                fields.Float("cert_days_left", security.CertDaysLeft);
                fields.String("tls_version", security.TlsVersion);
                fields.Boolean("chain_valid", security.ChainValid);
                fields.Boolean("hostname_valid", security.HostnameValid);
                fields.Integer("auth_failures", security.AuthFailures);
                break;
        }

        if (fields.Count == 0)
        {
            // A point needs at least one field; a sample that carries none has nothing to store.
            builder.Length = lineStart;
            return;
        }

        builder.Append(' ').Append(sample.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    public static void Append(StringBuilder builder, HourlyRollup rollup)
    {
        var fields = new FieldWriter(builder);
        builder.Append(RollupMeasurement);
        AppendTag(builder, "service", rollup.Service);
        AppendTag(builder, "check", rollup.Check);
        AppendTag(builder, "kind", rollup.Kind);
        AppendTag(builder, "location", rollup.Location);
        fields.Integer("count", rollup.Count);
        fields.Integer("up_count", rollup.UpCount);
        fields.Float("latency_p50_ms", rollup.LatencyP50Ms);
        fields.Float("latency_p95_ms", rollup.LatencyP95Ms);
        fields.Float("latency_p99_ms", rollup.LatencyP99Ms);
        builder.Append(' ').Append(rollup.Hour.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>Tags with an empty value are left out: line protocol has no empty tag value.</summary>
    private static void AppendTag(StringBuilder builder, string key, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        builder.Append(',').Append(key).Append('=');
        foreach (var c in InfluxTagValue.Encode(value))
        {
            if (c is ',' or ' ' or '=')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }

    /// <summary>Appends the field set: the first field after a space, the others after commas; absent values are left out.</summary>
    private sealed class FieldWriter(StringBuilder builder)
    {
        public int Count { get; private set; }

        public void Integer(string key, long? value)
        {
            if (value is { } v)
            {
                Key(key).Append(v.ToString(CultureInfo.InvariantCulture)).Append('i');
            }
        }

        public void Float(string key, double? value)
        {
            if (value is { } v)
            {
                Key(key).Append(v.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        public void Boolean(string key, bool? value)
        {
            if (value is { } v)
            {
                Key(key).Append(v ? "true" : "false");
            }
        }

        public void String(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            Key(key).Append('"');
            foreach (var c in value)
            {
                if (c is '"' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            builder.Append('"');
        }

        private StringBuilder Key(string key) => builder.Append(Count++ == 0 ? ' ' : ',').Append(key).Append('=');
    }
}
