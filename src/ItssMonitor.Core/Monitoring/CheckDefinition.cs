namespace ItssMonitor.Core.Monitoring;

/// <summary>
/// One check of a service: what to probe, how often, and what counts as up. Which of the optional
/// settings apply depends on <see cref="Kind"/> (see <see cref="CheckKinds"/>); the monitoring file's
/// validation makes sure each kind has what it needs.
/// </summary>
public sealed record CheckDefinition(string Name, string Kind, TimeSpan Interval, TimeSpan Timeout)
{
    public const int DefaultFailuresBeforeDown = 2;

    /// <summary>http: the URL to GET.</summary>
    public Uri? Url { get; init; }

    /// <summary>tcp, tls, icmp: the host to reach; dns: the name to resolve.</summary>
    public string? Host { get; init; }

    /// <summary>tcp, tls: the port to connect to (tls defaults to 443).</summary>
    public int? Port { get; init; }

    /// <summary>What the answer must look like to count as up.</summary>
    public CheckExpectation Expect { get; init; } = CheckExpectation.None;

    /// <summary>http: follow redirects (up to 10); when false a 3xx answer is judged as it is.</summary>
    public bool FollowRedirects { get; init; } = true;

    /// <summary>dns: the record type to ask for (A, AAAA, CNAME, MX, TXT, NS…).</summary>
    public string RecordType { get; init; } = "A";

    /// <summary>
    /// dns: the name server to ask, as "host:port" (port 53 when left out; IPv6 in brackets, "[::1]:53");
    /// null asks the name servers the system is configured with.
    /// </summary>
    public string? Resolver { get; init; }

    /// <summary>tls: days before certificate expiry from which the check warns.</summary>
    public int WarnDays { get; init; } = 14;

    /// <summary>Consecutive failures before the check counts as down; one success brings it back up.</summary>
    public int FailuresBeforeDown { get; init; } = DefaultFailuresBeforeDown;
}
