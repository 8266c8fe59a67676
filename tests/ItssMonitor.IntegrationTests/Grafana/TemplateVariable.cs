namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>A dashboard template variable as far as interpolation needs it.</summary>
internal sealed record TemplateVariable(
    string Name,
    string Type,
    string Query,
    string? AllValue,
    bool Multi,
    bool IncludeAll,
    string? DatasourceUid,
    string? Current);
