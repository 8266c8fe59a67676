using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// Resolves Host as RecordType (A, AAAA, CNAME, MX, TXT, NS, SOA, SRV, PTR…) at the check's Resolver, or at the
/// system's name servers when it has none. Up when there is an answer of that type (one equal to
/// <c>expect.value</c> when set) within the latency limit; latency is the resolution time.
/// </summary>
public sealed class DnsProbe(TimeProvider time) : IProbe
{
    public const int DefaultResolverPort = 53;

    public string Kind => CheckKinds.Dns;

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(check.Host))
        {
            return ProbeOutcome.Failed("no name configured");
        }

        if (!Enum.TryParse<QueryType>(check.RecordType, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(check.RecordType, out _))
        {
            return ProbeOutcome.Failed($"unknown record type '{check.RecordType}'");
        }

        // A PTR check may name the address itself; the question is about its in-addr.arpa / ip6.arpa name.
        var name = type == QueryType.PTR && IPAddress.TryParse(check.Host, out var reverse) ? reverse.GetArpaName() : check.Host;
        var resolverText = check.Resolver ?? "the system resolver";
        LatencyTimer? timer = null;
        try
        {
            var options = await OptionsAsync(check, cancellationToken);
            if (options is null)
            {
                return ProbeOutcome.Failed($"resolver '{check.Resolver}' is not host:port");
            }

            var lookup = new LookupClient(options);
            timer = LatencyTimer.Start(time);

            // WaitAsync: the library's own timeout is the check's, but the probe must end when the token says so.
            var response = await lookup.QueryAsync(name, type, QueryClass.IN, cancellationToken).WaitAsync(cancellationToken);
            var latency = timer.Value.ElapsedMs;
            return Judge(check, name, type, response, latency).WithinLatencyLimit(check.Expect.MaxLatencyMs);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (DnsResponseException exception) when (exception.Code == DnsResponseCode.ConnectionTimeout)
        {
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (DnsResponseException exception)
        {
            return ProbeOutcome.Failed($"{exception.DnsError} from {resolverText} for {name}", timer?.ElapsedMs);
        }
        catch (SocketException exception)
        {
            return ProbeOutcome.Failed(SocketErrorText.Describe(exception, resolverText), timer?.ElapsedMs);
        }
        catch (InvalidOperationException exception) when (check.Resolver is null)
        {
            // DnsClient's word for "the system has no name servers configured".
            return ProbeOutcome.Failed($"no system resolver: {exception.Message}");
        }
    }

    private static ProbeOutcome Judge(CheckDefinition check, string name, QueryType type, IDnsQueryResponse response, double latency)
    {
        var code = response.Header.ResponseCode;
        if (code == DnsHeaderResponseCode.NotExistentDomain)
        {
            return ProbeOutcome.Failed($"{name} does not exist (NXDOMAIN)", latency);
        }

        if (code != DnsHeaderResponseCode.NoError)
        {
            return ProbeOutcome.Failed($"{Rcode(code)} from {response.NameServer} for {name}", latency);
        }

        // Answers to an A question can start with the CNAME chain that led there; only records of the type asked count.
        var answers = response.Answers.Where(record => record.RecordType == (ResourceRecordType)type).ToList();
        if (answers.Count == 0)
        {
            return ProbeOutcome.Failed($"no {type} record for {name}", latency);
        }

        if (check.Expect.Value is { } expected && !answers.Any(record => DnsAnswerValue.Matches(record, expected)))
        {
            var got = string.Join(", ", answers.Take(5).Select(DnsAnswerValue.Of));
            return ProbeOutcome.Failed($"no {type} record for {name} equals {expected} (got {got})", latency);
        }

        return new ProbeOutcome(true, latency);
    }

    private static async Task<LookupClientOptions?> OptionsAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        LookupClientOptions options;
        if (check.Resolver is null)
        {
            options = new LookupClientOptions();
        }
        else if (HostPort.TryParse(check.Resolver, DefaultResolverPort, out var resolver))
        {
            var addresses = await HostAddresses.ResolveAsync(resolver.Value.Host, cancellationToken);
            options = new LookupClientOptions(addresses.Select(address => new IPEndPoint(address, resolver.Value.Port)).ToArray());
        }
        else
        {
            return null;
        }

        // A monitor must ask every time (a cached answer says nothing about the server now) and must not retry
        // past its own timeout; errors are judged from the response code rather than thrown.
        options.UseCache = false;
        options.Retries = 0;
        options.Timeout = check.Timeout;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.UseTcpFallback = true;
        return options;
    }

    private static string Rcode(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.ServerFailure => "server failure (SERVFAIL)",
        DnsHeaderResponseCode.Refused => "query refused (REFUSED)",
        DnsHeaderResponseCode.FormatError => "format error (FORMERR)",
        DnsHeaderResponseCode.NotImplemented => "not implemented (NOTIMP)",
        _ => string.Create(CultureInfo.InvariantCulture, $"response code {code} ({(int)code})"),
    };
}
