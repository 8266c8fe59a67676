namespace ItssMonitor.Core.Reports;

/// <summary>
/// Incidents opened in a report's range, with MTTA and MTTR in seconds: each mean over the incidents that got that
/// far (<see cref="Acknowledged"/>, <see cref="Resolved"/>), null when none did.
/// </summary>
public sealed record IncidentFigures(int Count, int Acknowledged, double? MttaSeconds, int Resolved, double? MttrSeconds)
{
    public static IncidentFigures None { get; } = new(0, 0, null, 0, null);

    /// <summary>The figures of all these incidents together: the counts summed, each mean weighted by the incidents it is over.</summary>
    public static IncidentFigures Combine(IEnumerable<IncidentFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToList();
        var acknowledged = all.Sum(part => part.Acknowledged);
        var resolved = all.Sum(part => part.Resolved);
        return new IncidentFigures(
            all.Sum(part => part.Count),
            acknowledged,
            acknowledged > 0 ? all.Sum(part => (part.MttaSeconds ?? 0) * part.Acknowledged) / acknowledged : null,
            resolved,
            resolved > 0 ? all.Sum(part => (part.MttrSeconds ?? 0) * part.Resolved) / resolved : null);
    }
}
