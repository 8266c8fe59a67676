namespace ItssMonitor.Benchmarks;

/// <summary>How to start this benchmark's own executable again as a child process (a target, a prober, a baseline server).</summary>
internal static class OwnProgram
{
    /// <summary>The apphost under <c>dotnet run</c>, or <c>dotnet</c> itself.</summary>
    public static string Executable => Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");

    /// <summary>The assembly to pass when <see cref="Executable"/> is <c>dotnet</c>; nothing for the apphost.</summary>
    public static string[] Arguments =>
        Path.GetFileNameWithoutExtension(Executable) == "dotnet" ? [typeof(OwnProgram).Assembly.Location] : [];
}
