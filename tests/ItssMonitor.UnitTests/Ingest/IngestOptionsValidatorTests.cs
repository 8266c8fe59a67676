using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class IngestOptionsValidatorTests
{
    private const string GoodKey = "0123456789abcdef";

    [Fact]
    public void The_defaults_and_well_formed_keys_are_valid() =>
        Assert.True(Validate(Key("agent", GoodKey), Key("telegraf", GoodKey + "x")).Succeeded);

    [Fact]
    public void Empty_names_short_keys_and_duplicates_are_each_reported_without_the_key()
    {
        var result = Validate(Key("", GoodKey), Key("short", "tooshort-secret"), Key("a", GoodKey), Key("a", GoodKey + "y"));

        Assert.False(result.Succeeded);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Ingest:ApiKeys:0:Name is empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:ApiKeys:1:Key (API key 'short') is shorter than 16 characters", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("the name 'a' is used 2 times", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("API keys '', 'a' have the same key", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("tooshort-secret", StringComparison.Ordinal) || f.Contains(GoodKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Limits_out_of_range_are_reported_by_key()
    {
        var result = new IngestOptionsValidator().Validate(null, new IngestOptions { MaxBodyBytes = 0, MaxSamplesPerRequest = 0, RequestsPerSecond = 0, RequestBurst = 0 });

        Assert.Equal(
            ["Ingest:MaxBodyBytes is 0", "Ingest:MaxSamplesPerRequest is 0", "Ingest:RequestsPerSecond is 0", "Ingest:RequestBurst is 0"],
            result.Failures!.Select(f => f[..f.IndexOf(';')]));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params IngestApiKey[] keys) =>
        new IngestOptionsValidator().Validate(null, new IngestOptions { ApiKeys = [.. keys] });

    private static IngestApiKey Key(string name, string key) => new() { Name = name, Key = key };
}
