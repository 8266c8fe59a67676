using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Status;

/// <summary>Configuration section <c>Status</c>: how live status reaches the hub's clients.</summary>
public sealed class StatusOptions : IValidatableObject
{
    /// <summary>How often changed services are sent; changes in between are coalesced into one message per service.</summary>
    public TimeSpan BroadcastInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BroadcastInterval < TimeSpan.FromMilliseconds(10) || BroadcastInterval > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult($"Status:BroadcastInterval must be between 10 ms and 10 s (got {BroadcastInterval}).", [nameof(BroadcastInterval)]);
        }
    }
}
