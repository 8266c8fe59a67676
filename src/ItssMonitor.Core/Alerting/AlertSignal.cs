namespace ItssMonitor.Core.Alerting;

/// <summary>
/// "This problem is there now", as the live path or an evaluation job reports it, with the evidence to show:
/// for a burn-rate alert, e.g. <c>{ "window 1h": "166.7×", "threshold": "14.4×" }</c>.
/// </summary>
public sealed record AlertSignal(
    AlertFingerprint Fingerprint,
    string Service,
    AlertSeverity Severity,
    string Summary,
    IReadOnlyDictionary<string, string> Evidence);
