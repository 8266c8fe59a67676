namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>
/// Picks a value for each template variable of a dashboard as a user would, resolving query variables
/// against InfluxDB in dashboard order (a variable's query may use the ones before it), as Grafana does.
/// </summary>
internal static class VariableSelection
{
    /// <summary>
    /// Every query variable on All, or, with <paramref name="oneService"/>, the first service that the
    /// <c>service</c> variable lists; custom variables keep the dashboard's current value.
    /// Returns each variable's interpolated text; a variable query that fails or lists nothing is an error.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SelectAsync(
        GrafanaDashboard dashboard, InfluxQueryRunner influx, GrafanaRange range, bool oneService)
    {
        var formatted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables)
        {
            switch (variable.Type)
            {
                case "query":
                    var query = GrafanaInterpolation.Interpolate(variable.Query, range, formatted);
                    var answer = await influx.RunAsync(query);
                    if (answer.Problem is { } problem)
                    {
                        throw new InvalidOperationException($"{dashboard}: variable '{variable.Name}': {problem}\n  {query}");
                    }

                    var one = oneService && variable.Name == "service";
                    formatted[variable.Name] = GrafanaInterpolation.Format(variable, one ? [answer.TagValues[0]] : answer.TagValues, all: !one);
                    break;
                case "custom":
                    formatted[variable.Name] = GrafanaInterpolation.Format(
                        variable,
                        [variable.Current ?? throw new InvalidOperationException($"{dashboard}: custom variable '{variable.Name}' has no current value")],
                        all: false);
                    break;
                default:
                    throw new InvalidOperationException($"{dashboard}: variable '{variable.Name}' is of type '{variable.Type}', which these tests do not resolve.");
            }
        }

        return formatted;
    }
}
