using System.ComponentModel.DataAnnotations;
using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Server.Alerting;

/// <summary>Configuration section <c>Alerting</c>: how insistent the alert engine is (defaults: <see cref="AlertPolicy.Default"/>).</summary>
public sealed class AlertingOptions : IValidatableObject
{
    /// <summary>Re-notify an alert still firing and unacknowledged after this long (<c>Alerting:RefireAfter</c>).</summary>
    public TimeSpan RefireAfter { get; set; } = AlertPolicy.Default.RefireAfter;

    /// <summary>Re-openings within <see cref="FlapWindow"/> beyond which an alert counts as flapping (<c>Alerting:FlapThreshold</c>).</summary>
    public int FlapThreshold { get; set; } = AlertPolicy.Default.FlapThreshold;

    public TimeSpan FlapWindow { get; set; } = AlertPolicy.Default.FlapWindow;

    /// <summary>A flapping alert notifies at most once per this period (<c>Alerting:DampingPeriod</c>).</summary>
    public TimeSpan DampingPeriod { get; set; } = AlertPolicy.Default.DampingPeriod;

    public AlertPolicy ToPolicy() => new(RefireAfter, FlapThreshold, FlapWindow, DampingPeriod);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value) in new[] { ("RefireAfter", RefireAfter), ("FlapWindow", FlapWindow), ("DampingPeriod", DampingPeriod) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Alerting:{key} must be longer than zero, e.g. '01:00:00' (got {value}).", [key]);
            }
        }

        if (FlapThreshold < 0)
        {
            yield return new ValidationResult($"Alerting:FlapThreshold must be 0 or more (got {FlapThreshold}).", [nameof(FlapThreshold)]);
        }
    }
}
