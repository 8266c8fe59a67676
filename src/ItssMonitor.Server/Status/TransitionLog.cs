using ItssMonitor.Core.Status;

namespace ItssMonitor.Server.Status;

/// <summary>Logs each confirmed state change: a warning when a check goes down or stale, information when it recovers.</summary>
internal sealed partial class TransitionLog(ILogger<TransitionLog> logger)
{
    public void Record(CheckTransition transition)
    {
        if (transition.To is CheckState.Down or CheckState.Stale)
        {
            LogProblem(transition.Service, transition.Check, transition.To, transition.From, transition.Reason);
        }
        else
        {
            LogRecovered(transition.Service, transition.Check, transition.To, transition.From);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service}/{Check} is {State} (was {Previous}): {Reason}")]
    private partial void LogProblem(string service, string check, CheckState state, CheckState previous, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service}/{Check} is {State} (was {Previous})")]
    private partial void LogRecovered(string service, string check, CheckState state, CheckState previous);
}
