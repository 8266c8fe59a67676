namespace ItssMonitor.TestServers;

/// <summary>Locates a server's executable on PATH or where Debian installs it outside PATH.</summary>
internal static class ServerBinary
{
    /// <summary>Full path of <paramref name="name"/>, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"])
            .Concat(PostgresBinDirectories());

        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, name);
            if (IsExistingFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // A link left behind by an uninstalled package must not count as installed.
    private static bool IsExistingFile(string path) =>
        File.Exists(path) && (File.ResolveLinkTarget(path, returnFinalTarget: true)?.Exists ?? true);

    // Debian keeps initdb and postgres in /usr/lib/postgresql/<major>/bin, off PATH; prefer the newest major.
    private static IEnumerable<string> PostgresBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(directory => (directory, major: int.TryParse(Path.GetFileName(directory), out var major) ? major : -1))
            .OrderByDescending(entry => entry.major)
            .Select(entry => Path.Combine(entry.directory, "bin"));
    }
}
