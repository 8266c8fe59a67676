namespace ItssMonitor.Core.Monitoring;

/// <summary>The kinds of check; each but <see cref="Push"/> has a probe of its own.</summary>
public static class CheckKinds
{
    public const string Http = "http";
    public const string Tcp = "tcp";
    public const string Dns = "dns";
    public const string Tls = "tls";
    public const string Icmp = "icmp";

    /// <summary>No probe: samples arrive through the ingest API; the check goes stale when none arrives within its interval.</summary>
    public const string Push = "push";

    public static readonly IReadOnlyList<string> All = [Http, Tcp, Dns, Tls, Icmp, Push];
}
