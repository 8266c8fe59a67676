using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Configuration;

public sealed class MaintenanceSectionTests
{
    private const string File = "monitoring.yaml";

    /// <summary>Two services, so windows have something to refer to; the section under test follows from line 5.</summary>
    private const string Services = """
        services:
          - { name: Ledger, checks: [ { name: c, kind: push } ] }
          - { name: Payments API, checks: [ { name: c, kind: push } ] }
        maintenance:

        """;

    [Fact]
    public void The_issue_example_reads_back_exactly()
    {
        var calendar = Parse("""
              - { name: "DB upgrade", services: [Ledger], start: "2026-10-20T02:00:00Z", end: "2026-10-20T03:00:00Z" }
              - { name: "Sunday patching", services: ["*"], cron: "0 3 * * SUN", duration: 1h }
            """);

        Assert.Equal(2, calendar.Windows.Count);
        var upgrade = Assert.IsType<FixedMaintenanceWindow>(calendar.Windows[0]);
        Assert.Equal("DB upgrade", upgrade.Name);
        Assert.Equal(["Ledger"], upgrade.Services);
        Assert.Equal(new TimeWindow(DateTimeOffset.Parse("2026-10-20T02:00:00Z"), DateTimeOffset.Parse("2026-10-20T03:00:00Z")), upgrade.Period);
        var patching = Assert.IsType<RecurringMaintenanceWindow>(calendar.Windows[1]);
        Assert.Equal("Sunday patching", patching.Name);
        Assert.Equal(["*"], patching.Services);
        Assert.Equal("0 3 * * SUN", patching.Schedule.Expression);
        Assert.Equal(TimeSpan.FromHours(1), patching.Duration);
    }

    [Fact]
    public void Offsets_other_than_Z_fractions_and_a_single_service_name_are_accepted()
    {
        var calendar = Parse("""
              - name: Migration
                services: Payments API
                start: 2026-10-20T04:00+02:00
                end: "2026-10-20T02:30:00.5Z"
            """);

        var window = Assert.IsType<FixedMaintenanceWindow>(Assert.Single(calendar.Windows));
        Assert.Equal(["Payments API"], window.Services);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero), window.Period.From);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 2, 30, 0, 500, TimeSpan.Zero), window.Period.To);
    }

    [Theory]
    [InlineData("maintenance:\n")]
    [InlineData("maintenance: []\n")]
    [InlineData("")]
    public void The_section_is_optional_and_may_be_empty(string section)
    {
        var result = MonitoringFileParser.Parse("services: [ { name: s, checks: [ { name: c, kind: push } ] } ]\n" + section, File);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Configuration!.Maintenance.Windows);
    }

    [Fact]
    public void Without_services_the_file_keeps_its_no_services_error()
    {
        Assert.Equal(
            ["monitoring.yaml:1:1: services: no services: nothing to monitor"],
            Errors("maintenance:\n  - { name: w, services: [Ledger], cron: \"0 3 * * *\", duration: 1h }\n"));
    }

    [Theory]
    [InlineData("{ name: w, services: [Ledger], start: \"2026-10-20T02:00:00Z\", end: \"2026-10-20T03:00:00Z\", cron: \"0 3 * * *\" }",
        "monitoring.yaml:5:5: maintenance[0]: give either start and end (a one-off window) or cron and duration (a recurring window), not both; got start, end, cron")]
    [InlineData("{ name: w, services: [Ledger] }",
        "monitoring.yaml:5:5: maintenance[0]: required: either start and end (a one-off window) or cron and duration (a recurring window)")]
    [InlineData("{ name: w, services: [Ledger], start: \"2026-10-20T02:00:00Z\" }",
        "monitoring.yaml:5:5: maintenance[0].end: required with start: when the window closes, e.g. 2026-10-20T03:00:00Z")]
    [InlineData("{ name: w, services: [Ledger], end: \"2026-10-20T02:00:00Z\" }",
        "monitoring.yaml:5:5: maintenance[0].start: required with end: when the window opens, e.g. 2026-10-20T02:00:00Z")]
    [InlineData("{ name: w, services: [Ledger], duration: 1h }",
        "monitoring.yaml:5:5: maintenance[0].cron: required with duration: when the window opens, as five cron fields in UTC, e.g. \"0 3 * * SUN\"")]
    [InlineData("{ name: w, services: [Ledger], cron: \"0 3 * * *\" }",
        "monitoring.yaml:5:5: maintenance[0].duration: required with cron: how long the window stays open, e.g. 500ms, 10s, 5m, 1h or 1d")]
    public void A_window_is_either_one_off_or_recurring(string window, string expected)
    {
        Assert.Equal([expected], WindowErrors(window));
    }

    [Theory]
    [InlineData("2026-10-20T02:00:00", "monitoring.yaml:5:43: maintenance[0].start: expected an ISO-8601 time with its UTC offset, such as 2026-10-20T02:00:00Z or 2026-10-20T04:00:00+02:00, got \"2026-10-20T02:00:00\"")]
    [InlineData("20.10.2026 02:00Z", "monitoring.yaml:5:43: maintenance[0].start: expected an ISO-8601 time with its UTC offset, such as 2026-10-20T02:00:00Z or 2026-10-20T04:00:00+02:00, got \"20.10.2026 02:00Z\"")]
    [InlineData("2026-13-20T02:00:00Z", "monitoring.yaml:5:43: maintenance[0].start: expected an ISO-8601 time with its UTC offset, such as 2026-10-20T02:00:00Z or 2026-10-20T04:00:00+02:00, got \"2026-13-20T02:00:00Z\"")]
    public void Times_must_be_ISO_8601_with_an_offset(string start, string expected)
    {
        Assert.Equal([expected], WindowErrors($"{{ name: w, services: [Ledger], start: \"{start}\", end: \"2026-10-20T03:00:00Z\" }}"));
    }

    [Theory]
    [InlineData("2026-10-20T02:00:00Z")]
    [InlineData("2026-10-20T03:00:00+02:00")]
    public void The_end_must_come_after_the_start(string end)
    {
        Assert.Equal(
            [$"monitoring.yaml:5:72: maintenance[0].end: must be after start (2026-10-20T02:00:00Z), got \"{end}\""],
            WindowErrors($"{{ name: w, services: [Ledger], start: \"2026-10-20T02:00:00Z\", end: \"{end}\" }}"));
    }

    [Theory]
    [InlineData("0 3 * * SUNDAY", "monitoring.yaml:5:42: maintenance[0].cron: Cron expression '0 3 * * SUNDAY': day-of-week field 'SUNDAY': 'SUNDAY' is not a number or a name such as SUN.")]
    [InlineData("0 3 * *", "monitoring.yaml:5:42: maintenance[0].cron: Cron expression '0 3 * *' has 4 fields; expected 5: minute hour day-of-month month day-of-week.")]
    public void A_bad_cron_expression_says_which_field_is_wrong(string cron, string expected)
    {
        Assert.Equal([expected], WindowErrors($"{{ name: w, services: [Ledger], cron: \"{cron}\", duration: 1h }}"));
    }

    [Theory]
    [InlineData("0s", "expected a duration greater than zero, got \"0s\"")]
    [InlineData("1 hour", "expected a duration such as 500ms, 10s, 5m, 1h or 1d, got \"1 hour\"")]
    public void The_duration_must_be_positive(string duration, string expected)
    {
        Assert.Equal(
            [$"monitoring.yaml:5:65: maintenance[0].duration: {expected}"],
            WindowErrors($"{{ name: w, services: [Ledger], cron: \"0 3 * * *\", duration: \"{duration}\" }}"));
    }

    [Fact]
    public void Services_must_be_declared_or_the_wildcard()
    {
        Assert.Equal(
            [
                "monitoring.yaml:5:35: maintenance[0].services[1]: unknown service \"Ledgr\" (did you mean \"Ledger\"?); expected a service declared under services, or \"*\" for every service",
                "monitoring.yaml:6:27: maintenance[1].services[0]: unknown service \"all\"; expected a service declared under services, or \"*\" for every service",
                "monitoring.yaml:7:26: maintenance[2].services: must name at least one service, or \"*\" for every service",
                "monitoring.yaml:8:5: maintenance[3].services: required: the services it covers, e.g. [Ledger], or [\"*\"] for every service",
            ],
            Errors(Services + """
                  - { name: a, services: [Ledger, Ledgr], cron: "0 3 * * *", duration: 1h }
                  - { name: b, services: [all], cron: "0 3 * * *", duration: 1h }
                  - { name: c, services: [], cron: "0 3 * * *", duration: 1h }
                  - { name: d, cron: "0 3 * * *", duration: 1h }
                """));
    }

    [Fact]
    public void Names_are_required_and_unique_and_keys_are_checked()
    {
        Assert.Equal(
            [
                "monitoring.yaml:5:5: maintenance[0].name: required: the window's name, unique in the file",
                "monitoring.yaml:7:13: maintenance[2].name: duplicate maintenance window name \"w\": maintenance[1] (line 6) has it already",
                "monitoring.yaml:7:66: maintenance[2].durtion: unknown key \"durtion\" (did you mean \"duration\"?); allowed keys: name, services, start, end, cron, duration",
                "monitoring.yaml:8:5: maintenance[3]: expected a mapping, got \"w\"",
            ],
            Errors(Services + """
                  - { services: ["*"], cron: "0 3 * * *", duration: 1h }
                  - { name: w, services: ["*"], cron: "0 3 * * *", duration: 1h }
                  - { name: w, services: ["*"], cron: "0 3 * * *", duration: 1h, durtion: 2h }
                  - "w"
                """));
    }

    [Fact]
    public void A_service_with_errors_of_its_own_still_counts_as_declared_with_its_team()
    {
        Assert.Equal(
            ["monitoring.yaml:2:63: services[0].checks[0].kind: unknown kind \"tcpp\" (did you mean \"tcp\"?); expected one of: http, tcp, dns, tls, icmp, push"],
            Errors("""
                services:
                  - { name: Ledger, team: finance, checks: [ { name: c, kind: tcpp } ] }
                maintenance:
                  - { name: w, services: [Ledger], cron: "0 3 * * *", duration: 1h }
                notifications:
                  channels: [ { name: m, kind: email, to: a@example.com } ]
                  routes: [ { team: finance, severity: critical, channels: [m] } ]
                """));
    }

    private static MaintenanceCalendar Parse(string section)
    {
        var result = MonitoringFileParser.Parse(Services + section, File);
        Assert.Empty(result.Errors);
        return result.Configuration!.Maintenance;
    }

    private static IReadOnlyList<string> WindowErrors(string window) => Errors(Services + "  - " + window + "\n");

    private static IReadOnlyList<string> Errors(string yaml) =>
        [.. MonitoringFileParser.Parse(yaml, File).Errors.Select(error => error.ToString())];
}
