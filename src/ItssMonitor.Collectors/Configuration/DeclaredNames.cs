namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// Names that a list elsewhere in the file must refer to (services a maintenance window covers, channels a route
/// uses): a name that is not declared is reported with the closest declared one.
/// </summary>
/// <param name="what">The thing named, e.g. "service".</param>
/// <param name="declared">The declared names.</param>
/// <param name="expected">Completes "expected …", e.g. "a service declared under services, or \"*\" for every service".</param>
/// <param name="wildcard">The name that stands for every one of them, if any.</param>
internal sealed class DeclaredNames(string what, IReadOnlyCollection<string> declared, string expected, string? wildcard = null)
{
    /// <summary>Reports each name that is neither declared nor the wildcard; true when all were fine.</summary>
    public bool Check(IEnumerable<NamedItem> names, ParseErrors errors)
    {
        var valid = true;
        foreach (var item in names)
        {
            if (item.Name != wildcard && !declared.Contains(item.Name))
            {
                errors.Add(item.Node, item.Path, $"unknown {what} {YamlValueText.Quote(item.Name)}{Suggestion.DidYouMean(item.Name, declared)}; expected {expected}");
                valid = false;
            }
        }

        return valid;
    }
}
