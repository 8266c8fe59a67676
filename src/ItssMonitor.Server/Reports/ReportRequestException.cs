namespace ItssMonitor.Server.Reports;

/// <summary>A report asked for with a parameter that cannot be honoured; <see cref="Parameter"/> names it for the 400 answer.</summary>
public sealed class ReportRequestException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
