using ItssMonitor.Core.Samples;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>Samples at known times, so expected figures can be worked out by hand.</summary>
internal static class TestData
{
    /// <summary>A past, epoch-aligned instant (a multiple of every chart bucket size up to a day).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static CheckSample Sample(
        string service,
        string check,
        double secondsAfterT0,
        bool up = true,
        double? latencyMs = 10,
        string location = "",
        int? statusCode = 200,
        string? error = null,
        string kind = "http") =>
        new(service, check, kind, location, T0.AddSeconds(secondsAfterT0), up, latencyMs, statusCode, error);

    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
