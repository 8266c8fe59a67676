namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>The query text of one panel target; <paramref name="Raw"/> is false for a target built in Grafana's query builder.</summary>
internal sealed record PanelQuery(string Panel, string RefId, string Text, bool Raw)
{
    public override string ToString() => $"panel '{Panel}' query {RefId}";
}
