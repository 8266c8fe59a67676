using System.Globalization;
using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// How a DNS answer reads and how it is compared with a check's expected value: addresses as IP addresses
/// ("::ffff:10.0.0.1" equals "10.0.0.1"), names case-insensitively and without the trailing dot, TXT exactly.
/// MX and SRV answers match their target name, or the whole answer as written ("10 mail.example").
/// </summary>
public static class DnsAnswerValue
{
    /// <summary>The answer as a person would write it: "10.1.2.3", "web.example", "10 mail.example", "v=spf1 -all".</summary>
    public static string Of(DnsResourceRecord record) => record switch
    {
        AddressRecord address => address.Address.ToString(),
        CNameRecord cname => Name(cname.CanonicalName),
        NsRecord ns => Name(ns.NSDName),
        PtrRecord ptr => Name(ptr.PtrDomainName),
        SoaRecord soa => Name(soa.MName),
        MxRecord mx => string.Create(CultureInfo.InvariantCulture, $"{mx.Preference} {Name(mx.Exchange)}"),
        SrvRecord srv => string.Create(CultureInfo.InvariantCulture, $"{srv.Priority} {srv.Weight} {srv.Port} {Name(srv.Target)}"),
        TxtRecord txt => string.Concat(txt.Text),
        _ => record.ToString(),
    };

    /// <summary>Whether <paramref name="record"/> is the <paramref name="expected"/> value.</summary>
    public static bool Matches(DnsResourceRecord record, string expected) => record switch
    {
        AddressRecord address => SameAddress(address.Address.ToString(), expected),
        TxtRecord txt => string.Equals(string.Concat(txt.Text), expected, StringComparison.Ordinal),
        MxRecord mx => SameName(Name(mx.Exchange), expected) || SameWords(Of(mx), expected),
        SrvRecord srv => SameName(Name(srv.Target), expected) || SameWords(Of(srv), expected),
        _ => SameName(Of(record), expected),
    };

    /// <summary>Both parse as IP addresses and are the same address (IPv4-mapped IPv6 counts as IPv4).</summary>
    public static bool SameAddress(string answer, string expected) =>
        IPAddress.TryParse(answer.Trim(), out var a) && IPAddress.TryParse(expected.Trim(), out var b)
        && Normalized(a).Equals(Normalized(b));

    /// <summary>The same DNS name, ignoring case and a trailing dot.</summary>
    public static bool SameName(string answer, string expected) =>
        string.Equals(answer.Trim().TrimEnd('.'), expected.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static bool SameWords(string answer, string expected)
    {
        var a = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return a.Length == b.Length && a.Zip(b).All(pair => SameName(pair.First, pair.Second));
    }

    private static string Name(DnsString name) => name.Value.TrimEnd('.');

    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
