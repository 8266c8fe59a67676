using System.Globalization;
using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Core.Security;

/// <summary>
/// A login attack on a service: the authentication failures of the last <see cref="Window"/> far above the
/// service's own baseline (their average per <see cref="Window"/> over the <see cref="BaselineWindow"/> before),
/// or above an absolute threshold whatever the baseline.
/// </summary>
public sealed record AuthFailureSpikeRule
{
    public const string Rule = "auth-failures";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan BaselineWindow = TimeSpan.FromHours(24);

    public AuthFailureSpikeRule(double spikeFactor, long minimumCount, long absoluteThreshold)
    {
        if (!(spikeFactor >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(spikeFactor), spikeFactor, "The spike factor must be at least 1.");
        }

        if (minimumCount < 1 || absoluteThreshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumCount), "The minimum count and the absolute threshold must be at least 1.");
        }

        SpikeFactor = spikeFactor;
        MinimumCount = minimumCount;
        AbsoluteThreshold = absoluteThreshold;
    }

    /// <summary>How many times the baseline the last window must reach.</summary>
    public double SpikeFactor { get; }

    /// <summary>Failures the last window must reach before a spike counts, so that 3 after a quiet day are not an attack.</summary>
    public long MinimumCount { get; }

    /// <summary>Failures in the last window that fire whatever the baseline.</summary>
    public long AbsoluteThreshold { get; }

    /// <param name="current">Failures in the last <see cref="Window"/>.</param>
    /// <param name="previousDay">Failures in the <see cref="BaselineWindow"/> before it.</param>
    /// <returns>The alert, or null when the count is ordinary for the service.</returns>
    public AlertSignal? Evaluate(string service, long current, long previousDay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var baseline = previousDay / (BaselineWindow / Window);
        var spike = current >= MinimumCount && current >= SpikeFactor * baseline;
        if (!spike && current < AbsoluteThreshold)
        {
            return null;
        }

        var summary = (spike, baseline) switch
        {
            (false, _) => string.Create(CultureInfo.InvariantCulture, $"{current} authentication failures in 5 min, above the threshold of {AbsoluteThreshold}"),
            (true, 0) => string.Create(CultureInfo.InvariantCulture, $"{current} authentication failures in 5 min, none in the 24 h before"),
            (true, _) => string.Create(CultureInfo.InvariantCulture, $"{current} authentication failures in 5 min, {current / baseline:0.#}× the usual {baseline:0.#}"),
        };
        return new AlertSignal(AlertFingerprint.For(Rule, service), service, AlertSeverity.Critical, summary, new Dictionary<string, string>
        {
            ["failures 5m"] = current.ToString(CultureInfo.InvariantCulture),
            ["baseline per 5m"] = baseline.ToString("0.##", CultureInfo.InvariantCulture),
            ["spike factor"] = SpikeFactor.ToString("0.##", CultureInfo.InvariantCulture),
            ["minimum count"] = MinimumCount.ToString(CultureInfo.InvariantCulture),
            ["absolute threshold"] = AbsoluteThreshold.ToString(CultureInfo.InvariantCulture),
        });
    }
}
