using System.Diagnostics.CodeAnalysis;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>What reading a monitoring file gave: the configuration, or every error found in it (never both).</summary>
public sealed class MonitoringFileParseResult
{
    private MonitoringFileParseResult(MonitoringConfiguration? configuration, IReadOnlyList<ConfigurationError> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    /// <summary>Null when the file has errors.</summary>
    public MonitoringConfiguration? Configuration { get; }

    /// <summary>In file order; empty when the file is valid.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Configuration))]
    public bool IsValid => Configuration is not null;

    public static MonitoringFileParseResult Valid(MonitoringConfiguration configuration) => new(configuration, []);

    public static MonitoringFileParseResult Invalid(IReadOnlyList<ConfigurationError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));

    /// <summary>The configuration, or a <see cref="MonitoringFileException"/> carrying every error.</summary>
    public MonitoringConfiguration GetConfigurationOrThrow() => Configuration ?? throw new MonitoringFileException(Errors);
}
