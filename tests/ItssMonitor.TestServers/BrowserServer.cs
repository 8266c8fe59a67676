using Microsoft.Playwright;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real headless Chromium for page tests: Debian's <c>/usr/bin/chromium</c> driven by Playwright (never a
/// browser Playwright downloads, which cannot be fetched here). Share one per collection; give each test a
/// fresh <see cref="NewPageAsync"/> so tests do not see each other's cookies or storage, and close them with
/// <see cref="ClosePagesAsync"/> when the test ends (tests of a collection run one at a time).
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _open = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where tests save screenshots to look at: <c>TestResults/screenshots</c> beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is needed for these tests and is not at {ChromiumPath}. Install it with: apt-get install -y chromium");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The closed network here refuses Chromium's background connections; without these flags it retries them all the time.
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a context of its own, at the given viewport (1920×1080 unless said otherwise).</summary>
    public async Task<IPage> NewPageAsync(int width = 1920, int height = 1080)
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser fixture has not started yet.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        _open.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every page opened since the last call. A page left open keeps its live connection and keeps
    /// rendering (a wall retries a stopped server forever): dozens of them starve the servers later tests start.
    /// </summary>
    public async Task ClosePagesAsync()
    {
        foreach (var context in _open)
        {
            await context.CloseAsync();
        }

        _open.Clear();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
