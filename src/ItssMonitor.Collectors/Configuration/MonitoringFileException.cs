namespace ItssMonitor.Collectors.Configuration;

/// <summary>The monitoring file cannot be used; <see cref="Errors"/> says everything that is wrong with it.</summary>
public sealed class MonitoringFileException : Exception
{
    public MonitoringFileException(IReadOnlyList<ConfigurationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigurationError> errors) =>
        $"The monitoring file is invalid ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}):" + string.Concat(errors.Select(error => Environment.NewLine + "  " + error));
}
