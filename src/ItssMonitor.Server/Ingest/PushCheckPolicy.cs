using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Which pushed samples the monitoring configuration lets in, and with what kind.
/// Check results: only for checks declared <c>kind: push</c>, since a probed check's series belongs to its probe
/// and pushed points would blur its availability; they keep the kind sent, since agents probe push checks from
/// their sites with a real probe (http, tcp…). Security facts: for any declared check of the service, since
/// agents report e.g. authentication failures of services whose checks ItssMonitor probes over http.
/// Undeclared checks: refused, unless <c>Ingest:AcceptUnknownChecks</c> is set; then kept with the kind sent (push when none).
/// </summary>
internal static class PushCheckPolicy
{
    public static string? Admit(Sample sample, MonitoringConfiguration configuration, bool acceptUnknownChecks, out Sample? admitted)
    {
        admitted = null;
        var declared = configuration.FindCheck(sample.Service, sample.Check);
        if (declared is null)
        {
            if (!acceptUnknownChecks)
            {
                return configuration.FindService(sample.Service) is not null
                    ? $"service \"{sample.Service}\" has no check \"{sample.Check}\"; declare it with kind: push, or set Ingest:AcceptUnknownChecks"
                    : $"service \"{sample.Service}\" is not monitored; declare it with a check \"{sample.Check}\" of kind: push, or set Ingest:AcceptUnknownChecks";
            }

            return AdmitWithKindSent(sample, out admitted);
        }

        var name = $"\"{sample.Service}/{sample.Check}\"";
        if (declared.Kind == CheckKinds.Push)
        {
            // An agent probing this check from its site says how it measured it (http, tcp…).
            return AdmitWithKindSent(sample, out admitted);
        }

        if (sample is CheckSample)
        {
            return $"check {name} is probed by ItssMonitor itself (kind: {declared.Kind}); only push checks accept samples";
        }

        if (sample.Kind.Length > 0 && sample.Kind != declared.Kind)
        {
            return $"kind \"{SampleValues.Shorten(sample.Kind)}\" does not match check {name}, which is declared with kind: {declared.Kind}";
        }

        admitted = sample with { Kind = declared.Kind };
        return null;
    }

    private static string? AdmitWithKindSent(Sample sample, out Sample? admitted)
    {
        admitted = null;
        var kind = sample.Kind.Length > 0 ? sample.Kind : CheckKinds.Push;
        if (!CheckKinds.All.Contains(kind))
        {
            return $"kind \"{SampleValues.Shorten(kind)}\" is not one of {string.Join(", ", CheckKinds.All)}";
        }

        admitted = sample with { Kind = kind };
        return null;
    }
}
