namespace ItssMonitor.Core.Status;

/// <summary>
/// Turns raw results into a confirmed state: down only after <c>failuresBeforeDown</c> consecutive
/// failures, back up after one success, so one lost packet does not page anyone.
/// </summary>
public sealed class CheckConfirmation(int failuresBeforeDown)
{
    private int _consecutiveFailures;

    public CheckState State { get; private set; } = CheckState.Unknown;

    /// <returns>True when the confirmed state changed.</returns>
    public bool Observe(bool up)
    {
        var before = State;
        if (up)
        {
            _consecutiveFailures = 0;
            State = CheckState.Up;
        }
        else if (++_consecutiveFailures >= failuresBeforeDown)
        {
            State = CheckState.Down;
        }
        else if (State == CheckState.Stale)
        {
            // A failure after silence is not a sign of life: it stays unconfirmed until the threshold.
            State = CheckState.Unknown;
        }

        return State != before;
    }

    /// <returns>True when the check was not stale already.</returns>
    public bool MarkStale()
    {
        var changed = State != CheckState.Stale;
        State = CheckState.Stale;
        return changed;
    }
}
