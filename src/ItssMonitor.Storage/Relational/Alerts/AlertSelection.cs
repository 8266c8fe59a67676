using System.Linq.Expressions;
using ItssMonitor.Core.Alerting;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>Which alert rows one change needs loaded: only those, so a change never reads the whole table.</summary>
public sealed class AlertSelection
{
    private AlertSelection(Expression<Func<AlertRecord, bool>> filter) => Filter = filter;

    /// <summary>Every alert not resolved: what time alone can change (re-fire, flap damping).</summary>
    public static AlertSelection Open { get; } = new(a => a.State != AlertState.Resolved);

    internal Expression<Func<AlertRecord, bool>> Filter { get; }

    /// <summary>Every alert (open or not) of these rules: a job's whole verdict, one query however many services it covers.</summary>
    public static AlertSelection OfRules(IReadOnlyCollection<string> rules)
    {
        var wanted = rules.ToArray();
        return new(a => wanted.Contains(a.Rule));
    }

    /// <summary>The alerts with these ids (<see cref="AlertFingerprint.Id"/>).</summary>
    public static AlertSelection OfIds(IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToArray();
        return new(a => wanted.Contains(a.Id));
    }
}
