using ItssMonitor.Core.Samples;

namespace ItssMonitor.UnitTests.Fakes;

internal static class Samples
{
    public static CheckSample Numbered(int i) =>
        new("service", "check", "http", "", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + i), true, i);

    public static IReadOnlyList<Sample> Range(int from, int count) => Enumerable.Range(from, count).Select(Numbered).ToList();
}
