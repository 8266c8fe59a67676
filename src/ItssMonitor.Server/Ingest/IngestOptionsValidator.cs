using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>Checks <see cref="IngestOptions"/> at start; failures name the key and the API key's name, never the key itself.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var path = $"{IngestOptions.Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{path}:Name is empty; give every API key a name (logs and rate limits use it).");
            }

            if (key.Key.Length < MinKeyLength || string.IsNullOrWhiteSpace(key.Key))
            {
                failures.Add($"{path}:Key (API key '{key.Name}') is shorter than {MinKeyLength} characters; use a random key, e.g. `openssl rand -hex 24`.");
            }
        }

        foreach (var duplicate in options.ApiKeys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            failures.Add($"{IngestOptions.Section}:ApiKeys: the name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique.");
        }

        foreach (var duplicate in options.ApiKeys.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            failures.Add($"{IngestOptions.Section}:ApiKeys: API keys {string.Join(", ", duplicate.Select(k => $"'{k.Name}'"))} have the same key; keys must be unique.");
        }

        Range(failures, "MaxBodyBytes", options.MaxBodyBytes, 1024, 1L << 30);
        Range(failures, "MaxSamplesPerRequest", options.MaxSamplesPerRequest, 1, 1_000_000);
        Range(failures, "RequestsPerSecond", options.RequestsPerSecond, 1, 100_000);
        Range(failures, "RequestBurst", options.RequestBurst, 1, 100_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{IngestOptions.Section}:{key} is {value}; it must be from {min} to {max}.");
        }
    }
}
