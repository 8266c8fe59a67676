namespace ItssMonitor.Core.Samples;

/// <summary>
/// Security facts seen by a probe (a TLS handshake) or pushed by an agent (authentication failures).
/// Each fact is optional: a sample carries what its source could see.
/// </summary>
public sealed record SecuritySample(
    string Service,
    string Check,
    string Kind,
    string Location,
    DateTimeOffset Timestamp,
    double? CertDaysLeft = null,
    string? TlsVersion = null,
    bool? ChainValid = null,
    bool? HostnameValid = null,
    long? AuthFailures = null)
    : Sample(Service, Check, Kind, Location, Timestamp);
