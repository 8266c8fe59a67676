namespace ItssMonitor.Core.Monitoring;

/// <summary>Conditions on a probe's answer; unset conditions are not checked.</summary>
/// <param name="Status">http: the status code expected (otherwise any 2xx).</param>
/// <param name="MaxLatencyMs">any kind: slower than this counts as down.</param>
/// <param name="BodyContains">http: text the body must contain.</param>
/// <param name="Value">dns: a value one of the answers must equal (an address, a CNAME target…).</param>
public sealed record CheckExpectation(int? Status = null, double? MaxLatencyMs = null, string? BodyContains = null, string? Value = null)
{
    public static readonly CheckExpectation None = new();
}
