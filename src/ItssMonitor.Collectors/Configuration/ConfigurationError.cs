namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// One problem in a monitoring file, with where it is: <c>monitoring.yaml:7:30: services[0].checks[1].port: expected …</c>.
/// </summary>
/// <param name="File">The file as the operator named it.</param>
/// <param name="Line">1-based; 0 when the problem is the file as a whole (it cannot be read).</param>
/// <param name="Column">1-based; 0 with <paramref name="Line"/> 0.</param>
/// <param name="Path">The field, e.g. <c>services[0].checks[1].port</c>; empty for syntax errors and the file as a whole.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record ConfigurationError(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Path.Length > 0 ? $"{location}: {Path}: {Message}" : $"{location}: {Message}";
    }
}
