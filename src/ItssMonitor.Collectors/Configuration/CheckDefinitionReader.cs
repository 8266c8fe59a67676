using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Reads one entry of a service's <c>checks</c>: which keys each kind takes, and what each kind needs.</summary>
internal static class CheckDefinitionReader
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public const int DefaultTlsPort = 443;

    public static readonly IReadOnlyList<string> DnsRecordTypes = ["A", "AAAA", "CNAME", "MX", "NS", "TXT", "SOA", "SRV", "PTR", "CAA"];

    private static readonly string[] CommonKeys = ["name", "kind", "interval", "timeout", "expect", "failuresBeforeDown"];

    private static readonly Dictionary<string, string[]> KindKeys = new()
    {
        [CheckKinds.Http] = ["url", "followRedirects"],
        [CheckKinds.Tcp] = ["host", "port"],
        [CheckKinds.Tls] = ["host", "port", "warnDays"],
        [CheckKinds.Dns] = ["host", "recordType", "resolver"],
        [CheckKinds.Icmp] = ["host"],
        [CheckKinds.Push] = [],
    };

    private static readonly string[] AllKeys = [.. CommonKeys, .. KindKeys.Values.SelectMany(keys => keys).Distinct()];

    private static readonly Dictionary<string, string[]> ExpectKeys = new()
    {
        [CheckKinds.Http] = ["status", "maxLatencyMs", "bodyContains"],
        [CheckKinds.Dns] = ["value", "maxLatencyMs"],
    };

    private static readonly string[] AllExpectKeys = ["status", "maxLatencyMs", "bodyContains", "value"];

    /// <param name="serviceFailuresBeforeDown">The service's default, used when the check sets none.</param>
    /// <param name="checkNames">The names taken in this service so far.</param>
    public static CheckDefinition? Read(YamlNode node, string path, ParseErrors errors, int? serviceFailuresBeforeDown, UniqueNames checkNames)
    {
        if (MappingFields.Read(node, path, errors) is not { } fields)
        {
            return null;
        }

        var kind = ReadKind(fields);
        var owner = kind is null ? null : $"{Article(kind)} {kind} check";
        fields.RejectUnknownKeys(kind is null ? AllKeys : AllowedKeys(kind), AllKeys, owner);

        fields.Require("name", "required: the check's name, unique within its service");
        var name = fields.Name("name");
        checkNames.Claim(name, fields, "name");
        var (interval, timeout) = ReadTiming(fields, kind);
        var expect = ReadExpectation(fields, kind, owner);
        var failuresBeforeDown = fields.PositiveInteger("failuresBeforeDown") ?? serviceFailuresBeforeDown;
        if (name is null || kind is null)
        {
            return null;
        }

        var check = new CheckDefinition(name, kind, interval, timeout) { Expect = expect };
        check = failuresBeforeDown is { } failures ? check with { FailuresBeforeDown = failures } : check;
        return ReadTarget(fields, kind, owner!, check);
    }

    private static string[] AllowedKeys(string kind) => [.. CommonKeys.Where(key => kind != CheckKinds.Push || key != "timeout"), .. KindKeys[kind]];

    private static string Article(string kind) => kind is CheckKinds.Http or CheckKinds.Icmp ? "an" : "a";

    private static string? ReadKind(MappingFields fields)
    {
        var expected = $"expected one of: {YamlValueText.List(CheckKinds.All)}";
        fields.Require("kind", $"required; {expected}");
        if (fields.Text("kind") is not { } text)
        {
            return null;
        }

        var kind = CheckKinds.All.FirstOrDefault(known => string.Equals(known, text, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            fields.Invalid("kind", $"unknown kind {YamlValueText.Quote(text)}{Suggestion.DidYouMean(text, CheckKinds.All)}; {expected}");
        }

        return kind;
    }

    /// <summary>A probe must give up before its next run is due, so a timeout at or past the interval is refused.</summary>
    private static (TimeSpan Interval, TimeSpan Timeout) ReadTiming(MappingFields fields, string? kind)
    {
        var interval = fields.Duration("interval");

        // A push check has no probe to time out; its timeout key is reported as not applying.
        var timeout = kind == CheckKinds.Push ? null : fields.Duration("timeout");
        if (interval is { } i && timeout is { } t && t >= i)
        {
            fields.Invalid("timeout", $"must be shorter than the interval ({DurationText.Format(i)}), got {YamlValueText.Quote(fields.Text("timeout")!)}");
        }

        var effectiveInterval = interval ?? DefaultInterval;

        // Left out, the timeout fits the interval rather than making a short interval an error the file never wrote.
        var defaultTimeout = effectiveInterval > DefaultTimeout * 2 ? DefaultTimeout : effectiveInterval / 2;
        return (effectiveInterval, timeout ?? defaultTimeout);
    }

    private static CheckExpectation ReadExpectation(MappingFields check, string? kind, string? owner)
    {
        if (check.Mapping("expect") is not { } fields)
        {
            return CheckExpectation.None;
        }

        var allowed = kind is null ? AllExpectKeys : ExpectKeys.GetValueOrDefault(kind, ["maxLatencyMs"]);
        fields.RejectUnknownKeys(allowed, AllExpectKeys, owner);
        return new CheckExpectation(
            fields.Integer("status", 100, 599, "an HTTP status code from 100 to 599"),
            fields.PositiveNumber("maxLatencyMs"),
            fields.Text("bodyContains"),
            fields.Text("value"));
    }

    /// <summary>Where the probe goes, which is what distinguishes the kinds.</summary>
    private static CheckDefinition? ReadTarget(MappingFields fields, string kind, string owner, CheckDefinition check)
    {
        var requiredFor = $"required for {owner}";
        var needsHost = kind is not (CheckKinds.Http or CheckKinds.Push);
        var host = needsHost ? RequiredHost(fields, requiredFor) : null;
        switch (kind)
        {
            case CheckKinds.Http:
                var url = ReadUrl(fields, requiredFor);
                var followRedirects = fields.Boolean("followRedirects");
                return url is null ? null : check with { Url = url, FollowRedirects = followRedirects ?? check.FollowRedirects };
            case CheckKinds.Tcp:
                fields.Require("port", $"{requiredFor}: the port to connect to");
                var port = ReadPort(fields);
                return host is null || port is null ? null : check with { Host = host, Port = port };
            case CheckKinds.Tls:
                var tlsPort = ReadPort(fields);
                var warnDays = fields.PositiveInteger("warnDays");
                return host is null ? null : check with { Host = host, Port = tlsPort ?? DefaultTlsPort, WarnDays = warnDays ?? check.WarnDays };
            case CheckKinds.Dns:
                var recordType = ReadRecordType(fields);
                var resolver = ReadResolver(fields);
                return host is null ? null : check with { Host = host, RecordType = recordType ?? check.RecordType, Resolver = resolver };
            case CheckKinds.Icmp:
                return host is null ? null : check with { Host = host };
            default:
                return check;
        }
    }

    private static string? RequiredHost(MappingFields fields, string requiredFor)
    {
        fields.Require("host", $"{requiredFor}: the host name or IP address to reach");
        if (fields.Text("host") is not { } host)
        {
            return null;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            fields.Invalid("host", $"expected a host name or IP address, got {YamlValueText.Quote(host)}");
            return null;
        }

        return host;
    }

    private static Uri? ReadUrl(MappingFields fields, string requiredFor)
    {
        fields.Require("url", $"{requiredFor}: the absolute http:// or https:// URL to GET");
        return fields.HttpUrl("url");
    }

    private static int? ReadPort(MappingFields fields) => fields.Integer("port", 1, 65535, "a port number from 1 to 65535");

    private static string? ReadResolver(MappingFields fields)
    {
        if (fields.Text("resolver") is not { } text)
        {
            return null;
        }

        if (!HostPort.TryParse(text, DnsProbe.DefaultResolverPort, out _))
        {
            fields.Invalid("resolver", $"expected a name server as host or host:port (e.g. 10.0.0.2 or ns1.example:5353), got {YamlValueText.Quote(text)}");
            return null;
        }

        return text;
    }

    private static string? ReadRecordType(MappingFields fields)
    {
        var text = fields.Text("recordType");
        if (text is null)
        {
            return null;
        }

        var recordType = DnsRecordTypes.FirstOrDefault(known => string.Equals(known, text, StringComparison.OrdinalIgnoreCase));
        if (recordType is null)
        {
            fields.Invalid("recordType", $"unknown DNS record type {YamlValueText.Quote(text)}; expected one of: {YamlValueText.List(DnsRecordTypes)}");
        }

        return recordType;
    }
}
