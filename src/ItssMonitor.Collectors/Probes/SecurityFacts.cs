namespace ItssMonitor.Collectors.Probes;

/// <summary>What a TLS handshake showed: certificate lifetime left, protocol, and whether chain and hostname were valid.</summary>
public sealed record SecurityFacts(double? CertDaysLeft, string? TlsVersion, bool? ChainValid, bool? HostnameValid);
