using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ItssMonitor.Core.Monitoring;

/// <summary>A host (name or address) and a port, as written in configuration: "host:port", "host", "[::1]:53".</summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>Parses <paramref name="text"/>; a missing port is <paramref name="defaultPort"/>.</summary>
    public static bool TryParse(string? text, int defaultPort, [NotNullWhen(true)] out HostPort? result)
    {
        result = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else if (value.Count(c => c == ':') > 1)
        {
            // An unbracketed IPv6 address: every colon belongs to the address, so there is no port.
            host = value;
        }
        else
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? value : value[..colon];
            port = colon < 0 ? null : value[(colon + 1)..];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var number = defaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            return false;
        }

        result = new HostPort(host, number);
        return true;
    }

    /// <summary>"host:port", with an IPv6 address in brackets.</summary>
    public override string ToString() =>
        IPAddress.TryParse(Host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
