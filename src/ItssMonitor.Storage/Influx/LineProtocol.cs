using System.Globalization;
using System.Text;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage.Influx;

/// <summary>Encodes samples as InfluxDB line protocol with millisecond timestamps (the DESIGN.md schema).</summary>
internal static class LineProtocol
{
    public const string Measurement = "check_result";

    public static void Append(StringBuilder builder, CheckSample sample)
    {
        builder.Append(Measurement);
        AppendTag(builder, "service", sample.Service);
        AppendTag(builder, "check", sample.Check);
        AppendTag(builder, "kind", sample.Kind);
        AppendTag(builder, "location", sample.Location);
        builder.Append(" up=").Append(sample.Up ? "1i" : "0i");
        if (sample.LatencyMs is { } latency)
        {
            builder.Append(",latency_ms=").Append(latency.ToString("R", CultureInfo.InvariantCulture));
        }

        if (sample.StatusCode is { } status)
        {
            builder.Append(",status_code=").Append(status.ToString(CultureInfo.InvariantCulture)).Append('i');
        }

        if (sample.Error is { } error)
        {
            builder.Append(",error=");
            AppendStringField(builder, error);
        }

        builder.Append(' ').Append(sample.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
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

    private static void AppendStringField(StringBuilder builder, string value)
    {
        builder.Append('"');
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
}
