using System.Globalization;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// Parameters of the <c>fanout</c> scenario: <c>--clients 200 --rate 1000 --services 1000 --seconds 60</c> by default
/// (issue 4). Each server gets <see cref="WarmUp"/> before the measured window.
/// </summary>
internal sealed record FanoutOptions(int Clients, int Rate, int Services, TimeSpan Window)
{
    public static FanoutOptions Default { get; } = new(200, 1_000, 1_000, TimeSpan.FromSeconds(60));

    /// <summary>How often the driver hands over a batch: 10 ms, so 1,000 changes/s go as 100 batches of 10.</summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Long enough for JIT, connection set-up and every service's first change to have come and gone.</summary>
    public TimeSpan WarmUp { get; } = TimeSpan.FromSeconds(10);

    public int ChangesPerTick => Math.Max(1, (int)Math.Round(Rate * Tick.TotalSeconds));

    /// <summary>Service updates every client should receive in the window at the configured rate.</summary>
    public long ExpectedPerClient => (long)Math.Round(Rate * Window.TotalSeconds);

    /// <summary>Parses the options; anything unknown is an error, so a typo never measures the defaults silently.</summary>
    public static FanoutOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            int Number()
            {
                var name = args[i];
                var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'.");
            }

            options = args[i] switch
            {
                "--clients" => options with { Clients = Number() },
                "--rate" => options with { Rate = Number() },
                "--services" => options with { Services = Number() },
                "--seconds" => options with { Window = TimeSpan.FromSeconds(Number()) },
                _ => throw new ArgumentException(
                    $"Unknown option '{args[i]}'. Options: --clients N (200), --rate CHANGES_PER_SECOND (1000), --services N (1000), --seconds SECONDS (60)."),
            };
        }

        return options;
    }

    public IEnumerable<string> ToArguments() =>
    [
        "--clients", Clients.ToString(CultureInfo.InvariantCulture),
        "--rate", Rate.ToString(CultureInfo.InvariantCulture),
        "--services", Services.ToString(CultureInfo.InvariantCulture),
        "--seconds", ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    ];

    public static string ServiceName(int index) => $"service {index:0000}";
}
