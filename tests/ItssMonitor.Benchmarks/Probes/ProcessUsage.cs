using System.Globalization;
using System.Runtime.InteropServices;

namespace ItssMonitor.Benchmarks.Probes;

/// <summary>
/// CPU time and resident memory of one process as the kernel accounts them (<c>/proc/&lt;pid&gt;/stat</c> and
/// <c>status</c>), read the same way for our prober and for the blackbox exporter so the two figures compare.
/// </summary>
internal readonly record struct ProcessUsage(TimeSpan Cpu, long RssBytes, long PeakRssBytes)
{
    private const int ScClkTck = 2;

    private static readonly long TicksPerSecond = sysconf(ScClkTck) is var ticks and > 0 ? ticks : 100;

    public static ProcessUsage Read(int pid)
    {
        // The command name in parentheses may hold spaces, so fields are counted from the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var clockTicks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return new ProcessUsage(TimeSpan.FromSeconds((double)clockTicks / TicksPerSecond), rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    [DllImport("libc", SetLastError = true)]
    private static extern long sysconf(int name);
}
