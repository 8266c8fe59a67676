using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Security;

/// <summary>
/// Configuration section <c>Security:AuthFailures</c>: when authentication failures of a service over 5 minutes
/// are an attack: at least <see cref="SpikeFactor"/> × its own 24 h baseline and at least <see cref="MinimumCount"/>,
/// or at least <see cref="AbsoluteThreshold"/> whatever the baseline.
/// </summary>
public sealed class AuthFailureOptions
{
    public const string Section = "Security:AuthFailures";

    [Range(1.0, 1_000_000.0, ErrorMessage = "Security:AuthFailures:SpikeFactor must be at least 1.")]
    public double SpikeFactor { get; set; } = 10;

    [Range(1L, long.MaxValue, ErrorMessage = "Security:AuthFailures:MinimumCount must be at least 1.")]
    public long MinimumCount { get; set; } = 20;

    [Range(1L, long.MaxValue, ErrorMessage = "Security:AuthFailures:AbsoluteThreshold must be at least 1.")]
    public long AbsoluteThreshold { get; set; } = 200;
}
