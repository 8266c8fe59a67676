using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Notifications;

namespace ItssMonitor.UnitTests.Configuration;

public sealed class NotificationsSectionTests
{
    private const string File = "monitoring.yaml";

    /// <summary>Services of two teams, so routes have teams to refer to; the section under test follows from line 5.</summary>
    private const string Services = """
        services:
          - { name: Payments API, team: payments, checks: [ { name: c, kind: push } ] }
          - { name: Ledger, checks: [ { name: c, kind: push } ] }
        notifications:

        """;

    private const string Channels = """
          channels:
            - { name: ops-hook, kind: webhook, url: "https://hooks.example/itss", secret: "s3cret" }
            - { name: ops-mail, kind: email, to: ["oncall@example.com"] }

        """;

    [Fact]
    public void The_issue_example_reads_back_exactly()
    {
        var plan = Parse("""
              channels:
                - { name: ops-hook, kind: webhook, url: "https://hooks.example/itss", secret: "s3cret" }
                - { name: ops-slack, kind: slack, url: "https://hooks.slack.com/services/T/B/X" }
                - { name: ops-teams, kind: teams, url: "https://example.webhook.office.com/webhookb2/x" }
                - { name: ops-mail, kind: email, to: ["oncall@example.com", "lead@example.com"] }
              routes:
                - { team: payments, severity: [critical, warning], channels: [ops-hook], escalateAfter: 15m, escalateTo: [ops-mail] }
                - { team: "*", severity: info, channels: [ops-slack, ops-teams] }
            """);

        Assert.Equal(
            [
                new NotificationChannel("ops-hook", NotificationChannelKind.Webhook) { Url = new Uri("https://hooks.example/itss"), Secret = "s3cret" },
                new NotificationChannel("ops-slack", NotificationChannelKind.Slack) { Url = new Uri("https://hooks.slack.com/services/T/B/X") },
                new NotificationChannel("ops-teams", NotificationChannelKind.Teams) { Url = new Uri("https://example.webhook.office.com/webhookb2/x") },
            ],
            plan.Channels.Take(3));
        var mail = plan.Channels[3];
        Assert.Equal(("ops-mail", NotificationChannelKind.Email, null, null), (mail.Name, mail.Kind, mail.Url, mail.Secret));
        Assert.Equal(["oncall@example.com", "lead@example.com"], mail.To);

        Assert.Equal(2, plan.Routes.Count);
        var payments = plan.Routes[0];
        Assert.Equal(("payments", TimeSpan.FromMinutes(15)), (payments.Team, payments.EscalateAfter));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Warning], payments.Severities);
        Assert.Equal(["ops-hook"], payments.Channels);
        Assert.Equal(["ops-mail"], payments.EscalateTo!);
        var everyone = plan.Routes[1];
        Assert.Equal(("*", null, null), (everyone.Team, everyone.EscalateAfter, everyone.EscalateTo));
        Assert.Equal([AlertSeverity.Info], everyone.Severities);
        Assert.Equal(["ops-slack", "ops-teams"], everyone.Channels);
    }

    [Fact]
    public void A_service_without_a_team_is_in_the_default_team_and_words_are_case_insensitive()
    {
        var plan = Parse(Channels + """
              routes:
                - { team: default, severity: [CRITICAL], channels: ops-mail }
            """);

        var route = Assert.Single(plan.Routes);
        Assert.Equal([AlertSeverity.Critical], route.Severities);
        Assert.Equal(["ops-mail"], route.Channels);
    }

    [Theory]
    [InlineData("notifications:\n")]
    [InlineData("notifications: { channels: [], routes: [] }\n")]
    [InlineData("notifications:\n  channels:\n  routes:\n")]
    [InlineData("")]
    public void The_section_is_optional_and_may_be_empty(string section)
    {
        var result = MonitoringFileParser.Parse("services: [ { name: s, checks: [ { name: c, kind: push } ] } ]\n" + section, File);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Configuration!.Notifications.Channels);
        Assert.Empty(result.Configuration.Notifications.Routes);
    }

    [Fact]
    public void Without_services_the_file_keeps_its_no_services_error()
    {
        Assert.Equal(
            ["monitoring.yaml:1:1: services: no services: nothing to monitor"],
            Errors("notifications:\n  channels: [ { name: m, kind: email, to: a@example.com } ]\n  routes: [ { team: payments, severity: critical, channels: [m] } ]\n"));
    }

    [Theory]
    [InlineData("{ name: c, kind: webhok, url: \"https://h/\" }", "monitoring.yaml:6:24: notifications.channels[0].kind: unknown kind \"webhok\" (did you mean \"webhook\"?); expected one of: webhook, slack, teams, email")]
    [InlineData("{ name: c, kind: sms }", "monitoring.yaml:6:24: notifications.channels[0].kind: unknown kind \"sms\"; expected one of: webhook, slack, teams, email")]
    [InlineData("{ name: c }", "monitoring.yaml:6:7: notifications.channels[0].kind: required; expected one of: webhook, slack, teams, email")]
    [InlineData("{ kind: email, to: a@example.com }", "monitoring.yaml:6:7: notifications.channels[0].name: required: the channel's name, unique in the file, as routes refer to it")]
    [InlineData("{ name: c, kind: slack }", "monitoring.yaml:6:7: notifications.channels[0].url: required for a slack channel: the absolute http:// or https:// URL to post to")]
    [InlineData("{ name: c, kind: teams, url: \"hooks.example/x\" }", "monitoring.yaml:6:36: notifications.channels[0].url: expected an absolute http:// or https:// URL, got \"hooks.example/x\"")]
    [InlineData("{ name: c, kind: webhook, url: \"ftp://h/x\" }", "monitoring.yaml:6:38: notifications.channels[0].url: expected an absolute http:// or https:// URL, got \"ftp://h/x\"")]
    [InlineData("{ name: c, kind: webhook, url: \"https://h/\", secret: \"\" }", "monitoring.yaml:6:60: notifications.channels[0].secret: must not be empty; leave the key out for unsigned deliveries")]
    [InlineData("{ name: c, kind: slack, url: \"https://h/\", secret: s }", "monitoring.yaml:6:50: notifications.channels[0].secret: does not apply to a slack channel; allowed keys: name, kind, url")]
    [InlineData("{ name: c, kind: email, to: [a@example.com], url: \"https://h/\" }", "monitoring.yaml:6:52: notifications.channels[0].url: does not apply to an email channel; allowed keys: name, kind, to")]
    [InlineData("{ name: c, kind: email }", "monitoring.yaml:6:7: notifications.channels[0].to: required for an email channel: the addresses to send to, e.g. [\"oncall@example.com\"]")]
    [InlineData("{ name: c, kind: email, to: [] }", "monitoring.yaml:6:35: notifications.channels[0].to: must name at least one address")]
    [InlineData("{ name: c, kind: email, to: [a@example.com, oncall] }", "monitoring.yaml:6:51: notifications.channels[0].to[1]: expected an e-mail address such as oncall@example.com, got \"oncall\"")]
    [InlineData("{ name: c, kind: email, to: \"Ops <ops@example.com>\" }", "monitoring.yaml:6:35: notifications.channels[0].to: expected an e-mail address such as oncall@example.com, got \"Ops <ops@example.com>\"")]
    [InlineData("{ name: c, kind: email, to: a@example.com, secret: s }", "monitoring.yaml:6:50: notifications.channels[0].secret: does not apply to an email channel; allowed keys: name, kind, to")]
    public void Each_channel_kind_needs_its_target(string channel, string expected)
    {
        Assert.Equal([expected], Errors(Services + "  channels:\n    - " + channel + "\n"));
    }

    [Fact]
    public void Channel_names_are_unique()
    {
        Assert.Equal(
            ["monitoring.yaml:7:15: notifications.channels[1].name: duplicate channel name \"m\": notifications.channels[0] (line 6) has it already"],
            Errors(Services + "  channels:\n    - { name: m, kind: email, to: a@example.com }\n    - { name: m, kind: email, to: b@example.com }\n"));
    }

    [Theory]
    [InlineData("{ team: paymnts, severity: critical, channels: [ops-hook] }", "monitoring.yaml:9:15: notifications.routes[0].team: unknown team \"paymnts\" (did you mean \"payments\"?); expected the team of a service, or \"*\" for every team")]
    [InlineData("{ severity: critical, channels: [ops-hook] }", "monitoring.yaml:9:7: notifications.routes[0].team: required: the team whose alerts this route takes, or \"*\" for every team")]
    [InlineData("{ team: payments, channels: [ops-hook] }", "monitoring.yaml:9:7: notifications.routes[0].severity: required: the severities this route takes; expected one or more of: critical, warning, info")]
    [InlineData("{ team: payments, severity: [critical, warnig], channels: [ops-hook] }", "monitoring.yaml:9:46: notifications.routes[0].severity[1]: unknown severity \"warnig\" (did you mean \"warning\"?); expected one or more of: critical, warning, info")]
    [InlineData("{ team: payments, severity: [], channels: [ops-hook] }", "monitoring.yaml:9:35: notifications.routes[0].severity: must name at least one severity; expected one or more of: critical, warning, info")]
    [InlineData("{ team: payments, severity: critical }", "monitoring.yaml:9:7: notifications.routes[0].channels: required: the channels this route notifies, e.g. [ops-hook]")]
    [InlineData("{ team: payments, severity: critical, channels: [] }", "monitoring.yaml:9:55: notifications.routes[0].channels: must name at least one channel")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hok] }", "monitoring.yaml:9:56: notifications.routes[0].channels[0]: unknown channel \"ops-hok\" (did you mean \"ops-hook\"?); expected a channel declared under notifications.channels")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hook], escalateAfter: 15m, escalateTo: [pager] }", "monitoring.yaml:9:100: notifications.routes[0].escalateTo[0]: unknown channel \"pager\"; expected a channel declared under notifications.channels")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hook], escalateAfter: 15m }", "monitoring.yaml:9:82: notifications.routes[0].escalateAfter: needs escalateTo: the channels to notify when nobody acknowledges in time")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hook], escalateTo: [ops-mail] }", "monitoring.yaml:9:79: notifications.routes[0].escalateTo: needs escalateAfter: how long to wait for an acknowledgement first, e.g. 15m")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hook], escalateAfter: 0m, escalateTo: [ops-mail] }", "monitoring.yaml:9:82: notifications.routes[0].escalateAfter: expected a duration greater than zero, got \"0m\"")]
    [InlineData("{ team: payments, severity: critical, channels: [ops-hook], escalate: 15m }", "monitoring.yaml:9:67: notifications.routes[0].escalate: unknown key \"escalate\" (did you mean \"escalateTo\"?); allowed keys: team, severity, channels, escalateAfter, escalateTo")]
    public void Routes_refer_to_declared_teams_and_channels(string route, string expected)
    {
        Assert.Equal([expected], Errors(Services + Channels + "  routes:\n    - " + route + "\n"));
    }

    [Fact]
    public void Unknown_section_keys_are_reported()
    {
        Assert.Equal(
            ["monitoring.yaml:5:3: notifications.channel: unknown key \"channel\" (did you mean \"channels\"?); allowed keys: channels, routes"],
            Errors(Services + "  channel: []\n"));
    }

    private static NotificationPlan Parse(string section)
    {
        var result = MonitoringFileParser.Parse(Services + section, File);
        Assert.Empty(result.Errors);
        return result.Configuration!.Notifications;
    }

    private static IReadOnlyList<string> Errors(string yaml) =>
        [.. MonitoringFileParser.Parse(yaml, File).Errors.Select(error => error.ToString())];
}
