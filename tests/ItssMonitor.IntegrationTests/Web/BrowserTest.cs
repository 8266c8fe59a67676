using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary>A test that opens pages in the collection's <see cref="Browser"/>: they are closed when the test ends.</summary>
public abstract class BrowserTest(BrowserServer browser) : IAsyncLifetime
{
    protected BrowserServer Browser { get; } = browser;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Browser.ClosePagesAsync();
}
