using System.Reflection;

namespace ItssMonitor.TestServers;

/// <summary>Where the solution's own programs (the server, the agent) are built, for tests and benchmarks that start them as processes.</summary>
public static class SolutionBuild
{
    /// <summary>
    /// The program's <c>.dll</c> in the build configuration <paramref name="builtLike"/> was built in (Debug for
    /// the tests, Release for the benchmarks), found from the directory holding <c>ItssMonitor.sln</c>.
    /// </summary>
    public static string ProgramPath(string program, Assembly builtLike)
    {
        var configuration = builtLike.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ItssMonitor.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(
            directory?.FullName ?? throw new InvalidOperationException("ItssMonitor.sln not found above " + AppContext.BaseDirectory),
            "src", program, "bin", configuration, "net10.0", program + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {program} is not at {path}", path);
    }
}
