using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class PushCheckPolicyTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private static readonly MonitoringConfiguration Configuration = new(
    [
        new ServiceDefinition("Payments API", "team", [], [Check("health", CheckKinds.Http), Check("nightly", CheckKinds.Push)]),
    ]);

    [Fact]
    public void A_declared_push_check_accepts_samples_and_they_get_its_kind()
    {
        Assert.Null(PushCheckPolicy.Admit(Result("Payments API", "nightly"), Configuration, acceptUnknownChecks: false, out var admitted));
        Assert.Equal(CheckKinds.Push, admitted!.Kind);
    }

    [Fact]
    public void A_probed_check_refuses_check_results_even_when_unknown_checks_are_accepted()
    {
        var reason = PushCheckPolicy.Admit(Result("Payments API", "health"), Configuration, acceptUnknownChecks: true, out var admitted);

        Assert.Equal("check \"Payments API/health\" is probed by ItssMonitor itself (kind: http); only push checks accept samples", reason);
        Assert.Null(admitted);
    }

    [Fact]
    public void A_probed_check_accepts_security_facts_with_its_kind()
    {
        Assert.Null(PushCheckPolicy.Admit(Security("Payments API", "health"), Configuration, acceptUnknownChecks: false, out var admitted));
        Assert.Equal(CheckKinds.Http, admitted!.Kind);
    }

    [Fact]
    public void An_unknown_check_of_a_known_service_is_refused_saying_how_to_declare_it() =>
        Assert.Equal(
            "service \"Payments API\" has no check \"weekly\"; declare it with kind: push, or set Ingest:AcceptUnknownChecks",
            PushCheckPolicy.Admit(Result("Payments API", "weekly"), Configuration, acceptUnknownChecks: false, out _));

    [Fact]
    public void An_unknown_service_is_refused_saying_how_to_declare_it() =>
        Assert.Equal(
            "service \"Batch\" is not monitored; declare it with a check \"import\" of kind: push, or set Ingest:AcceptUnknownChecks",
            PushCheckPolicy.Admit(Security("Batch", "import"), Configuration, acceptUnknownChecks: false, out _));

    [Fact]
    public void Unknown_checks_are_accepted_as_push_when_configured_so()
    {
        Assert.Null(PushCheckPolicy.Admit(Result("Batch", "import"), Configuration, acceptUnknownChecks: true, out var admitted));
        Assert.Equal(CheckKinds.Push, admitted!.Kind);
    }

    [Fact]
    public void Unknown_checks_keep_the_kind_they_were_sent_with_when_it_is_a_known_kind()
    {
        Assert.Null(PushCheckPolicy.Admit(Result("Batch", "import", kind: "tcp"), Configuration, acceptUnknownChecks: true, out var admitted));
        Assert.Equal(CheckKinds.Tcp, admitted!.Kind);
        Assert.Equal(
            "kind \"snmp\" is not one of http, tcp, dns, tls, icmp, push",
            PushCheckPolicy.Admit(Result("Batch", "import", kind: "snmp"), Configuration, acceptUnknownChecks: true, out _));
    }

    [Fact]
    public void A_push_check_keeps_the_kind_an_agent_measured_it_with()
    {
        Assert.Null(PushCheckPolicy.Admit(Result("Payments API", "nightly", kind: "http"), Configuration, acceptUnknownChecks: false, out var admitted));
        Assert.Equal(CheckKinds.Http, admitted!.Kind);
    }

    [Fact]
    public void Security_facts_with_a_kind_that_contradicts_a_probed_check_are_refused() =>
        Assert.Equal(
            "kind \"tcp\" does not match check \"Payments API/health\", which is declared with kind: http",
            PushCheckPolicy.Admit(Security("Payments API", "health") with { Kind = "tcp" }, Configuration, acceptUnknownChecks: false, out _));

    [Fact]
    public void Names_compare_exactly() =>
        Assert.NotNull(PushCheckPolicy.Admit(Result("payments api", "nightly"), Configuration, acceptUnknownChecks: false, out _));

    private static CheckDefinition Check(string name, string kind) => new(name, kind, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));

    private static CheckSample Result(string service, string check, string kind = "") => new(service, check, kind, "", At, true);

    private static SecuritySample Security(string service, string check) => new(service, check, "", "", At, AuthFailures: 3);
}
