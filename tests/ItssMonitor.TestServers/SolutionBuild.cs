using System.Reflection;

namespace ItssMonitor.TestServers;

/// <summary>Where the solution lives and where its own programs (the server, the agent) are built, for tests and benchmarks that start them or read its files.</summary>
public static class SolutionBuild
{
    /// <summary>
    /// The program's <c>.dll</c> in the build configuration <paramref name="builtLike"/> was built in (Debug for
    /// the tests, Release for the benchmarks), found from the directory holding <c>ItssMonitor.sln</c>.
    /// </summary>
    public static string ProgramPath(string program, Assembly builtLike)
    {
        var configuration = builtLike.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RootDirectory(), "src", program, "bin", configuration, "net10.0", program + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {program} is not at {path}", path);
    }

    /// <summary>The directory holding <c>ItssMonitor.sln</c>: the repository root, where files such as <c>grafana/</c> are.</summary>
    public static string RootDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ItssMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ItssMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
