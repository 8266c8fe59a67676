using System.Globalization;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// Parameters of the <c>probes</c> scenario: <c>--checks 2000 --interval 10 --seconds 60</c> by default (issue 3).
/// The first interval is warm-up; the measured window follows it.
/// </summary>
internal sealed record ProbeScenarioOptions(int Checks, TimeSpan Interval, TimeSpan Window)
{
    public static ProbeScenarioOptions Default { get; } = new(2_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    /// <summary>Long enough for JIT, connection pools and every check's first slot to have come and gone.</summary>
    public TimeSpan WarmUp => Interval;

    /// <summary>Parses the options this scenario knows; anything else is an error, so a typo never measures the defaults silently.</summary>
    public static ProbeScenarioOptions Parse(IReadOnlyList<string> args, out IReadOnlyList<string> rest, params string[] otherOptions)
    {
        var options = Default;
        var unknown = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number, not '{args[i]}'.");

            switch (args[i])
            {
                case "--checks": options = options with { Checks = Number() }; break;
                case "--interval": options = options with { Interval = TimeSpan.FromSeconds(Number()) }; break;
                case "--seconds": options = options with { Window = TimeSpan.FromSeconds(Number()) }; break;
                default:
                    if (!otherOptions.Contains(args[i]))
                    {
                        throw new ArgumentException($"Unknown option '{args[i]}'. Options: --checks N (2000), --interval SECONDS (10), --seconds SECONDS (60).");
                    }

                    unknown.Add(args[i]);
                    unknown.Add(Value());
                    break;
            }
        }

        rest = unknown;
        return options;
    }

    public IEnumerable<string> ToArguments() =>
    [
        "--checks", Checks.ToString(CultureInfo.InvariantCulture),
        "--interval", ((int)Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        "--seconds", ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>The probes due in the window at the configured rate.</summary>
    public long ExpectedProbes => (long)Math.Round(Checks * Window / Interval);
}
