namespace ItssMonitor.Server.Demo;

/// <summary>
/// A pretend service the server hosts for the demo estate, with a typical latency, a slow tail and
/// its own way of failing, so a first run shows a wall with something to look at.
/// </summary>
internal sealed record DemoTarget(
    string Service,
    string Team,
    string[] Tags,
    string Check,
    string Path,
    int TypicalLatencyMs,
    double SlowChance,
    double ErrorChance,
    double SlaAvailability,
    TimeSpan OutageEvery = default,
    TimeSpan OutageLength = default)
{
    public static readonly IReadOnlyList<DemoTarget> All =
    [
        new("Payments API", "payments", ["prod", "eu"], "health", "/demo/payments/health", 35, 0.02, 0.0, 99.95),
        new("Customer Portal", "web", ["prod", "eu"], "home", "/demo/portal", 120, 0.05, 0.0, 99.9),
        new("Search", "discovery", ["prod"], "query", "/demo/search", 80, 0.15, 0.0, 99.5),
        new("Ledger", "finance", ["prod", "eu"], "health", "/demo/ledger/health", 25, 0.0, 0.0, 99.9, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(45)),
        new("Identity", "platform", ["prod"], "login", "/demo/identity/login", 30, 0.01, 0.0, 99.99),
        new("Reporting", "analytics", ["internal"], "export", "/demo/reporting/export", 200, 0.1, 0.05, 99.0),
    ];

    /// <summary>In its outage window the target answers 503; the windows repeat at fixed wall-clock times.</summary>
    public bool IsInOutage(DateTimeOffset now) =>
        OutageEvery > TimeSpan.Zero && now.ToUnixTimeMilliseconds() % (long)OutageEvery.TotalMilliseconds < OutageLength.TotalMilliseconds;
}
