using System.Diagnostics;
using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>Runs a probe as the scheduler does (a token cancelled at the check's timeout) and checks that it kept to it.</summary>
internal static class ProbeRun
{
    /// <summary>Scheduling slack on a busy 2-core machine; the scheduler itself allows a second.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(750);

    public static CheckDefinition Check(string kind, int timeoutMs = 3000) =>
        new($"{kind}-check", kind, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(timeoutMs));

    public static async Task<ProbeOutcome> RunAsync(IProbe probe, CheckDefinition check)
    {
        Assert.Equal(check.Kind, probe.Kind);
        using var timeout = new CancellationTokenSource(check.Timeout);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await probe.ProbeAsync(check, timeout.Token);
        Assert.True(
            stopwatch.Elapsed < check.Timeout + Slack,
            $"The {check.Kind} probe took {stopwatch.Elapsed.TotalMilliseconds:0} ms with a timeout of {check.Timeout.TotalMilliseconds:0} ms.");
        Assert.True(outcome.Up == (outcome.Error is null), $"Up is {outcome.Up} but the error is '{outcome.Error}'.");
        return outcome;
    }

    /// <summary>The facts of a handshake with one of the test certificates, which all have three days left.</summary>
    public static void AssertThreeDayCertificate(ProbeOutcome outcome, bool chainValid, bool hostnameValid)
    {
        var security = Assert.IsType<SecurityFacts>(outcome.Security);
        Assert.InRange(security.CertDaysLeft!.Value, 2.99, 3.0);
        Assert.Contains(security.TlsVersion, new[] { "TLS 1.2", "TLS 1.3" });
        Assert.Equal(chainValid, security.ChainValid);
        Assert.Equal(hostnameValid, security.HostnameValid);
    }
}
