namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// Names that must be unique among their siblings (services in the file, checks in a service): they
/// identify series in the sample store, so two things with one name would mix their history.
/// </summary>
internal sealed class UniqueNames(string what)
{
    private readonly Dictionary<string, (string Path, int Line)> _taken = new(StringComparer.Ordinal);

    /// <summary>Every name claimed so far, including those of entries that had other errors.</summary>
    public IReadOnlyCollection<string> Taken => _taken.Keys;

    public void Claim(string? name, MappingFields owner, string key)
    {
        if (name is null)
        {
            return;
        }

        if (_taken.TryGetValue(name, out var first))
        {
            owner.Invalid(key, $"duplicate {what} name {YamlValueText.Quote(name)}: {first.Path} (line {first.Line}) has it already");
            return;
        }

        _taken[name] = (owner.Path, (int)owner.Node(key)!.Start.Line);
    }
}
