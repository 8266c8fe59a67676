using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.UnitTests.Configuration;

public sealed class MonitoringFileParserTests
{
    private const string File = "monitoring.yaml";

    /// <summary>The README's example, with a value other than the default wherever a key is set.</summary>
    private const string FullExample = """
        services:
          - name: Payments API
            team: payments
            tags: [prod, eu]
            sla: { availability: 99.9, latencyP95Ms: 300 }
            failuresBeforeDown: 3
            checks:
              - { name: health, kind: http, url: "https://payments.example/health", interval: 10s, timeout: 2s,
                  expect: { status: 200, maxLatencyMs: 500, bodyContains: "ok" }, followRedirects: false }
              - { name: db, kind: tcp, host: db.example, port: 5432 }
              - { name: cert, kind: tls, host: payments.example, port: 8443, warnDays: 21 }
              - { name: dns, kind: dns, host: payments.example, recordType: AAAA, resolver: "10.0.0.2:5353", expect: { value: "2001:db8::5" } }
              - { name: ping, kind: icmp, host: 10.0.0.5, failuresBeforeDown: 5 }
              - { name: batch-job, kind: push, interval: 5m }   # fed only by agents / the push API

          - name: Ledger
            checks:
              - name: health
                kind: http
                url: http://ledger.internal:8080/health
              - name: cert
                kind: tls
                host: ledger.internal
              - name: resolve
                kind: dns
                host: ledger.internal
                interval: 1h
        """;

    [Fact]
    public void The_full_example_parses_into_the_expected_model()
    {
        var result = MonitoringFileParser.Parse(FullExample, File);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var payments = result.Configuration.Services[0];
        Assert.Equal("Payments API", payments.Name);
        Assert.Equal("payments", payments.Team);
        Assert.Equal(["prod", "eu"], payments.Tags);
        Assert.Equal(new ServiceSla(99.9, 300), payments.Sla);
        Assert.Equal(["health", "db", "cert", "dns", "ping", "batch-job"], payments.Checks.Select(check => check.Name));

        var health = payments.Checks[0];
        Assert.Equal(CheckKinds.Http, health.Kind);
        Assert.Equal(new Uri("https://payments.example/health"), health.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), health.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), health.Timeout);
        Assert.Equal(new CheckExpectation(Status: 200, MaxLatencyMs: 500, BodyContains: "ok"), health.Expect);
        Assert.False(health.FollowRedirects);
        Assert.Equal(3, health.FailuresBeforeDown);

        Assert.Equal(new CheckDefinition("db", CheckKinds.Tcp, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)) { Host = "db.example", Port = 5432, FailuresBeforeDown = 3 }, payments.Checks[1]);
        Assert.Equal(new CheckDefinition("cert", CheckKinds.Tls, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)) { Host = "payments.example", Port = 8443, WarnDays = 21, FailuresBeforeDown = 3 }, payments.Checks[2]);
        Assert.Equal(
            new CheckDefinition("dns", CheckKinds.Dns, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)) { Host = "payments.example", RecordType = "AAAA", Resolver = "10.0.0.2:5353", Expect = new CheckExpectation(Value: "2001:db8::5"), FailuresBeforeDown = 3 },
            payments.Checks[3]);
        Assert.Equal(new CheckDefinition("ping", CheckKinds.Icmp, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)) { Host = "10.0.0.5", FailuresBeforeDown = 5 }, payments.Checks[4]);
        var push = payments.Checks[5];
        Assert.Equal((CheckKinds.Push, TimeSpan.FromMinutes(5), 3), (push.Kind, push.Interval, push.FailuresBeforeDown));
    }

    [Fact]
    public void Left_out_settings_take_their_documented_defaults()
    {
        var ledger = MonitoringFileParser.Parse(FullExample, File).Configuration!.Services[1];

        Assert.Equal("default", ledger.Team);
        Assert.Empty(ledger.Tags);
        Assert.Null(ledger.Sla);
        var (health, cert, resolve) = (ledger.Checks[0], ledger.Checks[1], ledger.Checks[2]);
        Assert.Equal(new CheckDefinition("health", CheckKinds.Http, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)) { Url = new Uri("http://ledger.internal:8080/health") }, health);
        Assert.True(health.FollowRedirects);
        Assert.Equal(2, health.FailuresBeforeDown);
        Assert.Same(CheckExpectation.None, health.Expect);
        Assert.Equal((443, 14), (cert.Port, cert.WarnDays));
        Assert.Equal(("A", TimeSpan.FromHours(1), TimeSpan.FromSeconds(5)), (resolve.RecordType, resolve.Interval, resolve.Timeout));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    public void Durations_take_a_whole_number_and_a_unit(string interval, long milliseconds)
    {
        var check = SingleCheck($"{{ name: c, kind: push, interval: {interval} }}");

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), check.Interval);
    }

    [Theory]
    [InlineData("10s", 5_000)]
    [InlineData("6s", 3_000)]
    [InlineData("500ms", 250)]
    public void A_left_out_timeout_is_5s_or_half_a_shorter_interval(string interval, long timeoutMilliseconds)
    {
        var check = SingleCheck($"{{ name: c, kind: tcp, host: h, port: 1, interval: {interval} }}");

        Assert.Equal(TimeSpan.FromMilliseconds(timeoutMilliseconds), check.Timeout);
    }

    [Fact]
    public void Kinds_and_record_types_are_read_case_insensitively()
    {
        var check = SingleCheck("{ name: c, kind: DNS, host: h, recordType: mx }");

        Assert.Equal((CheckKinds.Dns, "MX"), (check.Kind, check.RecordType));
    }

    [Theory]
    [InlineData("services:\n  - name: 'Payments\n", "monitoring.yaml:2:11: invalid YAML: While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData("services:\n  - name: a\n   team: b\n", "monitoring.yaml:3:4: invalid YAML: While parsing a block collection, did not find expected '-' indicator.")]
    [InlineData("services:\n  - name: a\n    name: b\n", "monitoring.yaml:3:5: invalid YAML: Duplicate key name")]
    [InlineData("services: [ { name: a }\nx: 1\n", "monitoring.yaml:2:1: invalid YAML: Operation is not valid due to the current state of the object.")]
    public void Invalid_YAML_is_reported_where_the_parser_stopped(string yaml, string expected)
    {
        Assert.Equal([expected], Errors(yaml));
    }

    [Fact]
    public void An_unknown_key_lists_the_allowed_keys_and_suggests_the_closest()
    {
        var yaml = """
            services:
              - name: a
                teams: x
                checks:
                  - { name: c, kind: tcp, host: h, port: 1, tmeout: 2s }
            """;

        Assert.Equal(
            [
                "monitoring.yaml:3:5: services[0].teams: unknown key \"teams\" (did you mean \"team\"?); allowed keys: name, team, tags, sla, failuresBeforeDown, checks",
                "monitoring.yaml:5:49: services[0].checks[0].tmeout: unknown key \"tmeout\" (did you mean \"timeout\"?); allowed keys: name, kind, interval, timeout, expect, failuresBeforeDown, host, port",
            ],
            Errors(yaml));
    }

    [Fact]
    public void An_unknown_key_far_from_every_allowed_one_gets_no_suggestion()
    {
        Assert.Equal(
            ["monitoring.yaml:1:1: owner: unknown key \"owner\"; allowed keys: services, maintenance, notifications"],
            Errors("owner: x\nservices:\n  - { name: a, checks: [ { name: c, kind: push } ] }\n"));
    }

    [Fact]
    public void A_key_that_belongs_to_another_kind_does_not_apply()
    {
        Assert.Equal(
            [
                "monitoring.yaml:4:49: services[0].checks[0].url: does not apply to a tcp check; allowed keys: name, kind, interval, timeout, expect, failuresBeforeDown, host, port",
                "monitoring.yaml:5:50: services[0].checks[1].expect.status: does not apply to a dns check; allowed keys: value, maxLatencyMs",
                "monitoring.yaml:6:32: services[0].checks[2].timeout: does not apply to a push check; allowed keys: name, kind, interval, expect, failuresBeforeDown",
            ],
            Errors("""
                services:
                  - name: a
                    checks:
                      - { name: c, kind: tcp, host: h, port: 1, url: "http://h/" }
                      - { name: d, kind: dns, host: h, expect: { status: 200 } }
                      - { name: p, kind: push, timeout: 1s }
                """));
    }

    [Theory]
    [InlineData("{ name: c, kind: tcp, host: h, port: http }", "monitoring.yaml:4:46: services[0].checks[0].port: expected a port number from 1 to 65535, got \"http\"")]
    [InlineData("{ name: c, kind: tcp, host: h, port: 70000 }", "monitoring.yaml:4:46: services[0].checks[0].port: expected a port number from 1 to 65535, got \"70000\"")]
    [InlineData("{ name: c, kind: push, interval: 10 }", "monitoring.yaml:4:42: services[0].checks[0].interval: expected a duration such as 500ms, 10s, 5m, 1h or 1d, got \"10\"")]
    [InlineData("{ name: c, kind: push, interval: 0s }", "monitoring.yaml:4:42: services[0].checks[0].interval: expected a duration greater than zero, got \"0s\"")]
    [InlineData("{ name: c, kind: http, url: \"http://h/\", followRedirects: yes }", "monitoring.yaml:4:67: services[0].checks[0].followRedirects: expected true or false, got \"yes\"")]
    [InlineData("{ name: c, kind: http, url: \"http://h/\", expect: { status: ok } }", "monitoring.yaml:4:68: services[0].checks[0].expect.status: expected an HTTP status code from 100 to 599, got \"ok\"")]
    [InlineData("{ name: c, kind: http, url: \"http://h/\", expect: 200 }", "monitoring.yaml:4:58: services[0].checks[0].expect: expected a mapping, got \"200\"")]
    [InlineData("{ name: [c], kind: push }", "monitoring.yaml:4:17: services[0].checks[0].name: expected a text value, got a list")]
    [InlineData("{ name: c, kind: dns, host: h, resolver: \"ns:dns\" }", "monitoring.yaml:4:50: services[0].checks[0].resolver: expected a name server as host or host:port (e.g. 10.0.0.2 or ns1.example:5353), got \"ns:dns\"")]
    public void A_value_of_the_wrong_type_says_what_is_expected(string check, string expected)
    {
        Assert.Equal([expected], CheckErrors(check));
    }

    [Theory]
    [InlineData("{ name: c, kind: http, url: \"http://h/\", expect: { maxLatencyMs: 0 } }", "monitoring.yaml:4:74: services[0].checks[0].expect.maxLatencyMs: expected a number greater than 0, got \"0\"")]
    [InlineData("{ name: c, kind: tls, host: h, warnDays: 0 }", "monitoring.yaml:4:50: services[0].checks[0].warnDays: expected a whole number of at least 1, got \"0\"")]
    [InlineData("{ name: c, kind: push, failuresBeforeDown: -1 }", "monitoring.yaml:4:52: services[0].checks[0].failuresBeforeDown: expected a whole number of at least 1, got \"-1\"")]
    public void Zero_or_negative_is_refused_where_a_positive_number_is_needed(string check, string expected)
    {
        Assert.Equal([expected], CheckErrors(check));
    }

    [Theory]
    [InlineData("{ name: c, kind: http }", "monitoring.yaml:4:9: services[0].checks[0].url: required for an http check: the absolute http:// or https:// URL to GET")]
    [InlineData("{ name: c, kind: http, url: /health }", "monitoring.yaml:4:37: services[0].checks[0].url: expected an absolute http:// or https:// URL, got \"/health\"")]
    [InlineData("{ name: c, kind: http, url: \"ftp://h/x\" }", "monitoring.yaml:4:37: services[0].checks[0].url: expected an absolute http:// or https:// URL, got \"ftp://h/x\"")]
    [InlineData("{ name: c, kind: tcp, port: 1 }", "monitoring.yaml:4:9: services[0].checks[0].host: required for a tcp check: the host name or IP address to reach")]
    [InlineData("{ name: c, kind: tcp, host: h }", "monitoring.yaml:4:9: services[0].checks[0].port: required for a tcp check: the port to connect to")]
    [InlineData("{ name: c, kind: tls }", "monitoring.yaml:4:9: services[0].checks[0].host: required for a tls check: the host name or IP address to reach")]
    [InlineData("{ name: c, kind: dns }", "monitoring.yaml:4:9: services[0].checks[0].host: required for a dns check: the host name or IP address to reach")]
    [InlineData("{ name: c, kind: dns, host: h, recordType: AA }", "monitoring.yaml:4:52: services[0].checks[0].recordType: unknown DNS record type \"AA\"; expected one of: A, AAAA, CNAME, MX, NS, TXT, SOA, SRV, PTR, CAA")]
    [InlineData("{ name: c, kind: icmp }", "monitoring.yaml:4:9: services[0].checks[0].host: required for an icmp check: the host name or IP address to reach")]
    [InlineData("{ name: c, kind: icmp, host: \"bad host\" }", "monitoring.yaml:4:38: services[0].checks[0].host: expected a host name or IP address, got \"bad host\"")]
    [InlineData("{ kind: push }", "monitoring.yaml:4:9: services[0].checks[0].name: required: the check's name, unique within its service")]
    public void Each_kind_needs_its_target(string check, string expected)
    {
        Assert.Equal([expected], CheckErrors(check));
    }

    [Fact]
    public void A_push_check_needs_nothing_but_an_interval()
    {
        var check = SingleCheck("{ name: c, kind: push }");

        Assert.Equal((CheckKinds.Push, TimeSpan.FromSeconds(30)), (check.Kind, check.Interval));
    }

    [Theory]
    [InlineData("{ name: c, kind: htp }", "monitoring.yaml:4:26: services[0].checks[0].kind: unknown kind \"htp\" (did you mean \"http\"?); expected one of: http, tcp, dns, tls, icmp, push")]
    [InlineData("{ name: c, kind: ftp }", "monitoring.yaml:4:26: services[0].checks[0].kind: unknown kind \"ftp\"; expected one of: http, tcp, dns, tls, icmp, push")]
    [InlineData("{ name: c }", "monitoring.yaml:4:9: services[0].checks[0].kind: required; expected one of: http, tcp, dns, tls, icmp, push")]
    public void An_unknown_or_missing_kind_lists_the_kinds(string check, string expected)
    {
        Assert.Equal([expected], CheckErrors(check));
    }

    [Theory]
    [InlineData("10s", "10s")]
    [InlineData("10s", "1m")]
    public void A_timeout_not_shorter_than_the_interval_is_refused(string interval, string timeout)
    {
        Assert.Equal(
            [$"monitoring.yaml:4:73: services[0].checks[0].timeout: must be shorter than the interval (10s), got \"{timeout}\""],
            CheckErrors($"{{ name: c, kind: tcp, host: h, port: 1, interval: {interval}, timeout: {timeout} }}"));
    }

    [Fact]
    public void Duplicate_service_names_and_duplicate_check_names_within_a_service_are_refused()
    {
        var yaml = """
            services:
              - name: Payments API
                checks:
                  - { name: health, kind: push }
                  - { name: health, kind: push }
              - name: Payments API
                checks:
                  - { name: health, kind: push }
            """;

        Assert.Equal(
            [
                "monitoring.yaml:5:17: services[0].checks[1].name: duplicate check name \"health\": services[0].checks[0] (line 4) has it already",
                "monitoring.yaml:6:11: services[1].name: duplicate service name \"Payments API\": services[0] (line 2) has it already",
            ],
            Errors(yaml));
    }

    [Fact]
    public void Empty_names_and_names_with_control_characters_are_refused()
    {
        var yaml = """
            services:
              - name: ""
                team: "pay\tments"
                tags: [prod, " "]
                checks:
                  - { name: "a\nb", kind: push }
                  - { name: " padded", kind: push }
            """;

        Assert.Equal(
            [
                "monitoring.yaml:2:11: services[0].name: must not be empty",
                "monitoring.yaml:3:11: services[0].team: must not contain control characters (line breaks, tabs…), got \"pay\\tments\"",
                "monitoring.yaml:4:18: services[0].tags[1]: must not be empty",
                "monitoring.yaml:6:17: services[0].checks[0].name: must not contain control characters (line breaks, tabs…), got \"a\\nb\"",
                "monitoring.yaml:7:17: services[0].checks[1].name: must not start or end with spaces, got \" padded\"",
            ],
            Errors(yaml));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    [InlineData("high")]
    public void Availability_outside_0_to_100_is_refused(string availability)
    {
        var yaml = $"services:\n  - name: s\n    sla: {{ availability: {availability} }}\n    checks: [ {{ name: c, kind: push }} ]\n";

        Assert.Equal(
            [$"monitoring.yaml:3:26: services[0].sla.availability: expected a percentage above 0 and at most 100, e.g. 99.9, got \"{availability}\""],
            Errors(yaml));
    }

    [Fact]
    public void Availability_of_100_percent_is_allowed()
    {
        var yaml = "services:\n  - name: s\n    sla: { availability: 100 }\n    checks: [ { name: c, kind: push } ]\n";

        Assert.Equal(100, MonitoringFileParser.Parse(yaml, File).Configuration!.Services[0].Sla!.Availability);
    }

    [Theory]
    [InlineData("", "monitoring.yaml:1:1: no services: nothing to monitor")]
    [InlineData("# nothing yet\n", "monitoring.yaml:1:1: no services: nothing to monitor")]
    [InlineData("services: []\n", "monitoring.yaml:1:11: services: no services: nothing to monitor")]
    [InlineData("services:\n", "monitoring.yaml:1:10: services: no services: nothing to monitor")]
    [InlineData("- name: a\n", "monitoring.yaml:1:1: expected a mapping, got a list")]
    [InlineData("services:\n  - name: s\n", "monitoring.yaml:2:5: services[0].checks: required: a service needs at least one check")]
    public void A_file_with_nothing_to_monitor_is_refused(string yaml, string expected)
    {
        Assert.Equal([expected], Errors(yaml));
    }

    [Fact]
    public void Every_error_in_the_file_is_reported_in_file_order()
    {
        var yaml = """
            services:
              - name: Payments API
                sla: { availability: 120 }
                checks:
                  - { name: health, kind: http, url: "payments.example/health", interval: 10s, timeout: 10s }
                  - { name: db, kind: tcp, host: db.example, port: http }
                  - { name: db, kind: tcp, host: db.example, port: 5432, tmeout: 2s }
              - name: Ledger
                checks: []
            """;

        Assert.Equal(
            [
                "monitoring.yaml:3:26: services[0].sla.availability: expected a percentage above 0 and at most 100, e.g. 99.9, got \"120\"",
                "monitoring.yaml:5:42: services[0].checks[0].url: expected an absolute http:// or https:// URL, got \"payments.example/health\"",
                "monitoring.yaml:5:93: services[0].checks[0].timeout: must be shorter than the interval (10s), got \"10s\"",
                "monitoring.yaml:6:56: services[0].checks[1].port: expected a port number from 1 to 65535, got \"http\"",
                "monitoring.yaml:7:17: services[0].checks[2].name: duplicate check name \"db\": services[0].checks[1] (line 6) has it already",
                "monitoring.yaml:7:62: services[0].checks[2].tmeout: unknown key \"tmeout\" (did you mean \"timeout\"?); allowed keys: name, kind, interval, timeout, expect, failuresBeforeDown, host, port",
                "monitoring.yaml:9:13: services[1].checks: a service needs at least one check",
            ],
            Errors(yaml));
    }

    [Fact]
    public void The_exception_for_start_up_carries_every_error()
    {
        var result = MonitoringFileParser.Parse("services: []\nowner: x\n", File);

        var exception = Assert.Throws<MonitoringFileException>(result.GetConfigurationOrThrow);

        Assert.Equal(result.Errors, exception.Errors);
        Assert.Contains("monitoring.yaml:1:11: services: no services: nothing to monitor", exception.Message);
    }

    private static IReadOnlyList<string> CheckErrors(string check) => Errors($"services:\n  - name: s\n    checks:\n      - {check}\n");

    private static IReadOnlyList<string> Errors(string yaml) =>
        [.. MonitoringFileParser.Parse(yaml, File).Errors.Select(error => error.ToString())];

    private static CheckDefinition SingleCheck(string check)
    {
        var result = MonitoringFileParser.Parse($"services:\n  - name: s\n    checks:\n      - {check}\n", File);
        Assert.Empty(result.Errors);
        return result.Configuration!.Services[0].Checks[0];
    }
}
