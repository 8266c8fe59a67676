using System.Globalization;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// What one probe run found. <see cref="Error"/> is a short, human-readable reason when <see cref="Up"/> is false.
/// <see cref="Security"/> carries what a TLS handshake showed; the scheduler stores it as a <c>security_event</c>.
/// </summary>
public sealed record ProbeOutcome(bool Up, double? LatencyMs, int? StatusCode = null, string? Error = null, SecurityFacts? Security = null)
{
    public static ProbeOutcome Failed(string error, double? latencyMs = null, int? statusCode = null) => new(false, latencyMs, statusCode, error);

    public static ProbeOutcome TimedOut(TimeSpan timeout) => Failed($"no answer within {timeout.TotalMilliseconds:0} ms");

    /// <summary>
    /// This outcome, turned down when it was up but slower than <paramref name="maxLatencyMs"/> (every kind
    /// honours <c>expect.max_latency_ms</c> the same way); unchanged otherwise.
    /// </summary>
    public ProbeOutcome WithinLatencyLimit(double? maxLatencyMs) =>
        Up && maxLatencyMs is { } limit && LatencyMs is { } latency && latency > limit
            ? this with
            {
                Up = false,
                Error = string.Create(CultureInfo.InvariantCulture, $"answer took {latency:0} ms, limit {limit:0.###} ms"),
            }
            : this;
}
