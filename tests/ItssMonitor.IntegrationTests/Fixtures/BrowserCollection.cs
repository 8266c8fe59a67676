using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>Page tests that share one headless Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserServer>
{
    public const string Name = "Browser";
}
