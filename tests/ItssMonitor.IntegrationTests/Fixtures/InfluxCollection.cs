using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>Tests that share one InfluxDB server; each uses a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbServer>
{
    public const string Name = "InfluxDB";
}
