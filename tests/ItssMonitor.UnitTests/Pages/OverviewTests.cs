using ItssMonitor.Core.Status;
using ItssMonitor.Server.Pages.Overview;
using ItssMonitor.Server.Pages.Shared;

namespace ItssMonitor.UnitTests.Pages;

public sealed class OverviewTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void A_batch_keeps_the_list_worst_first_and_never_puts_an_older_status_back()
    {
        var list = new ServiceList();
        list.Replace([Status("b", ServiceState.Up, T0.AddSeconds(5)), Status("a", ServiceState.Up, T0)]);

        Assert.True(list.Apply([Status("b", ServiceState.Down, T0.AddSeconds(6))]));
        Assert.False(list.Apply([Status("a", ServiceState.Down, T0.AddSeconds(-1))]));

        Assert.Equal(["b", "a"], list.Ordered.Select(service => service.Service));
        Assert.Equal(ServiceState.Up, list.Ordered[1].State);
    }

    [Fact]
    public void Search_matches_service_check_and_team_ignoring_case_and_counts_ignore_only_the_state_filter()
    {
        var list = new ServiceList();
        list.Replace([Status("Ledger", ServiceState.Down, T0, team: "finance", check: "db"), Status("Payments API", ServiceState.Up, T0, team: "payments", check: "login")]);

        Assert.Equal(["Payments API"], list.Ordered.Where(new OverviewFilter("LOGIN").Matches).Select(service => service.Service));
        Assert.Equal(["Ledger"], list.Ordered.Where(new OverviewFilter("fin").Matches).Select(service => service.Service));
        Assert.DoesNotContain(list.Ordered, new OverviewFilter(Team: "finance", State: ServiceState.Up).Matches);
        Assert.Equal(1, list.Count(ServiceState.Down, new OverviewFilter(State: ServiceState.Up)));
        Assert.Equal(0, list.Count(ServiceState.Down, new OverviewFilter(Team: "payments")));
    }

    [Theory]
    [InlineData("Payments API")]
    [InlineData("Café Ω / Zürich east")]
    [InlineData("50%41 #1 ?x")]
    public void A_service_name_round_trips_through_its_address(string name)
    {
        var address = ServiceLink.For(name);

        Assert.Equal(name, ServiceLink.NameIn(address + "?range=7d"));
        Assert.Null(ServiceLink.NameIn("services/"));
        Assert.Null(ServiceLink.NameIn("wall"));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(1.0, "100 %")]
    [InlineData(0.99996, "99.99 %")]
    [InlineData(0.986, "98.6 %")]
    public void Availability_is_rounded_down_so_a_failure_never_reads_as_100_percent(double? fraction, string expected) =>
        Assert.Equal(expected, StatusText.Percent(fraction));

    private static ServiceStatus Status(string name, ServiceState state, DateTimeOffset updated, string team = "", string check = "c") =>
        new(name, team, [], state, T0, updated, null, null, [], [new CheckStatus(name, check, "push", CheckState.Up, T0, null, null, null, null)]);
}
