using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// The common end of both ingest endpoints: applies <see cref="PushCheckPolicy"/> to the samples they read,
/// queues the admitted ones into the <see cref="ISampleSink"/> and says what became of each.
/// </summary>
internal sealed partial class SampleIntake(ISampleSink sink, MonitoringSnapshot monitoring, IOptions<IngestOptions> options, ILogger<SampleIntake> logger)
{
    /// <param name="keyName">The API key's name, for the log.</param>
    /// <param name="total">Lines or samples in the request.</param>
    /// <param name="samples">The samples read, each with its line number or index.</param>
    /// <param name="errors">Those that could not be read; the policy's refusals are added.</param>
    /// <param name="errorAt">Makes an error for a line number or index.</param>
    public async Task<IngestOutcome> AcceptAsync(
        string keyName,
        int total,
        IReadOnlyList<(int Position, Sample Sample)> samples,
        List<IngestError> errors,
        Func<int, string, IngestError> errorAt,
        CancellationToken cancellationToken)
    {
        var configuration = await monitoring.GetAsync(cancellationToken);
        var acceptUnknown = options.Value.AcceptUnknownChecks;
        var accepted = 0;
        foreach (var (position, sample) in samples)
        {
            if (PushCheckPolicy.Admit(sample, configuration, acceptUnknown, out var admitted) is { } reason)
            {
                errors.Add(errorAt(position, reason));
                continue;
            }

            await sink.AddAsync(admitted!, cancellationToken);
            accepted++;
        }

        errors.Sort((a, b) => (a.Line ?? a.Index ?? 0).CompareTo(b.Line ?? b.Index ?? 0));
        if (errors.Count > 0)
        {
            LogRejected(logger, keyName, errors.Count, total, errors[0].Reason);
        }

        LogAccepted(logger, keyName, accepted);
        return new IngestOutcome(total, accepted, errors);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "API key {KeyName} pushed {Accepted} samples")]
    private static partial void LogAccepted(ILogger logger, string keyName, int accepted);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyName}: {Rejected} of {Total} pushed samples rejected; first: {Reason}")]
    private static partial void LogRejected(ILogger logger, string keyName, int rejected, int total, string reason);
}
