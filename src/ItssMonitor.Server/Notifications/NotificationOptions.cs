using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Notifications;

/// <summary>Configuration section <c>Notifications</c>: how notifications link back and how hard deliveries are retried.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>Retries after 30 s, 2 min, 10 min, 30 min: a receiver that is down for a deploy still gets the page.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    /// <summary>Where people reach the server (<c>Notifications:PublicUrl</c>); notifications link to <c>{PublicUrl}/incidents?alert={id}</c>.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// The waits before each retry of a failed delivery (<c>Notifications:RetryDelays</c>, e.g. <c>["00:00:30", "00:02:00"]</c>);
    /// one retry per entry. Null (unset) means <see cref="DefaultRetryDelays"/>: a default array would be appended to, not replaced, by binding.
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    /// <summary>How long one delivery (an HTTP request, an SMTP session) may take (<c>Notifications:SendTimeout</c>).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays ?? DefaultRetryDelays;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"Notifications:PublicUrl must be an absolute http(s) URL (got '{url}').", [nameof(PublicUrl)]);
        }

        if (EffectiveRetryDelays.Any(delay => delay < TimeSpan.FromSeconds(1) || delay > TimeSpan.FromDays(1)))
        {
            yield return new ValidationResult(
                $"Notifications:RetryDelays must each be between 1 s and 1 day (got {string.Join(", ", EffectiveRetryDelays)}).", [nameof(RetryDelays)]);
        }

        if (SendTimeout < TimeSpan.FromSeconds(1) || SendTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"Notifications:SendTimeout must be between 1 s and 5 min (got {SendTimeout}).", [nameof(SendTimeout)]);
        }
    }
}
