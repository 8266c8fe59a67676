using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Storage.Influx;

/// <summary>
/// Configuration section <c>Storage:Influx</c>. Setting <see cref="Url"/> selects InfluxDB as the sample store.
/// </summary>
public sealed class InfluxOptions : IValidatableObject
{
    /// <summary>Base URL, e.g. http://localhost:8086.</summary>
    public string? Url { get; set; }

    /// <summary>Database on InfluxDB 1.x; the bucket (with a v1 DBRP mapping) on 2.x and 3.x.</summary>
    public string Database { get; set; } = "itssmonitor";

    /// <summary>API token (InfluxDB 2.x/3.x), sent as <c>Authorization: Token …</c>.</summary>
    public string? Token { get; set; }

    /// <summary>User name (InfluxDB 1.x with authentication), sent with <see cref="Password"/> as Basic authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Organisation (InfluxDB 2.x); when set, retention deletes through <c>/api/v2/delete</c>, which 2.x needs.</summary>
    public string? Org { get; set; }

    /// <summary>How long one request may take before the store counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Compress write bodies with gzip.</summary>
    public bool Gzip { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is null)
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"Storage:Influx:Url '{Url}' is not an absolute http:// or https:// URL (example: http://localhost:8086).",
                [nameof(Url)]);
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            yield return new ValidationResult("Storage:Influx:Database must name a database (bucket on InfluxDB 2.x/3.x).", [nameof(Database)]);
        }

        if (Token is not null && Username is not null)
        {
            yield return new ValidationResult(
                "Set either Storage:Influx:Token (InfluxDB 2.x/3.x) or Storage:Influx:Username and Password (1.x), not both.",
                [nameof(Token), nameof(Username)]);
        }

        if ((Username is null) != (Password is null))
        {
            yield return new ValidationResult("Storage:Influx:Username and Storage:Influx:Password go together: set both or neither.", [nameof(Username), nameof(Password)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"Storage:Influx:Timeout must be positive (got {Timeout}).", [nameof(Timeout)]);
        }
    }
}
