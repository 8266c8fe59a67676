using System.Diagnostics;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// The same stream of state changes for both servers: every <see cref="FanoutOptions.Tick"/> a batch of services, round
/// robin, each flipping between up and down, so every change is a state change. Hands each batch to a sender until cancelled.
/// </summary>
internal sealed class ChangeDriver(FanoutOptions options)
{
    public async Task RunAsync(Func<IReadOnlyList<ServiceChange>, Task> send, CancellationToken cancellationToken)
    {
        var perTick = options.ChangesPerTick;
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (long k = 0; ; k++)
            {
                // Due times come from the start, not from the last batch, so a late wake-up is caught up and the rate holds.
                var wait = FanoutOptions.Tick * k - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                var batch = new ServiceChange[perTick];
                for (var i = 0; i < perTick; i++)
                {
                    var n = k * perTick + i;
                    batch[i] = new ServiceChange((int)(n % options.Services), Up: n / options.Services % 2 == 0, now);
                }

                await send(batch);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
