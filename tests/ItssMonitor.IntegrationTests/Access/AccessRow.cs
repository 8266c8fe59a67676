namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// One row of the access table: an endpoint as the server maps it (its HTTP methods, "*" for any, and route
/// pattern), who it lets through, and a request to try it with (a path with its parameters filled in).
/// </summary>
public sealed record AccessRow(string Methods, string Route, Access Access, string ProbeMethod, string ProbePath, string? ProbeBody = null)
{
    public string Key => $"{Methods} {Route}";

    /// <summary>Programs (APIs, the hub, Prometheus) are answered 401/403; people on pages are sent to /login or /denied.</summary>
    public bool AnswersWithStatus => ProbePath.StartsWith("/api/", StringComparison.Ordinal) || ProbePath.StartsWith("/hubs/", StringComparison.Ordinal) || ProbePath == "/metrics";

    public override string ToString() => $"{Key} → {Access}";
}
