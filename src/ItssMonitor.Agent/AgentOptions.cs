using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Agent;

/// <summary>Configuration section <c>Agent</c>: the server to push to.</summary>
public sealed class AgentOptions : IValidatableObject
{
    /// <summary>The ItssMonitor server's base URL, e.g. https://monitor.example:5080.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>An ingest API key the server knows (its <c>Ingest:ApiKeys</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one push may take before the server counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ServerUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Agent:ServerUrl '{ServerUrl}' is not an absolute http:// or https:// URL of an ItssMonitor server.", [nameof(ServerUrl)]);
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Agent:ApiKey is required: an ingest API key from the server's Ingest:ApiKeys.", [nameof(ApiKey)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"Agent:Timeout must be positive (got {Timeout}).", [nameof(Timeout)]);
        }
    }
}
