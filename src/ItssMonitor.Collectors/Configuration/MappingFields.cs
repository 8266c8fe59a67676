using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// The fields of one YAML mapping of the monitoring file, read with their positions: each reader
/// returns null when the field is absent or wrong, and reports what was wrong to <see cref="ParseErrors"/>.
/// </summary>
internal sealed class MappingFields
{
    private readonly YamlMappingNode _node;
    private readonly ParseErrors _errors;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    private MappingFields(YamlMappingNode node, string path, ParseErrors errors)
    {
        _node = node;
        _errors = errors;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                _fields[name] = (key, value);
            }
            else
            {
                errors.Add(key, path, $"expected a key name, got {YamlValueText.Describe(key)}");
            }
        }
    }

    public string Path { get; }

    /// <summary>The node as a mapping, or null after reporting that it is not one.</summary>
    public static MappingFields? Read(YamlNode node, string path, ParseErrors errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingFields(mapping, path, errors);
        }

        errors.Add(node, path, $"expected a mapping, got {YamlValueText.Describe(node)}");
        return null;
    }

    public bool Has(string key) => _fields.ContainsKey(key);

    public string PathOf(string key) => Path.Length > 0 ? $"{Path}.{key}" : key;

    /// <summary>
    /// Reports every key not in <paramref name="allowed"/>. A key that belongs to other kinds of the same
    /// thing is said not to apply to <paramref name="owner"/>; anything else is a typo, with the closest allowed key suggested.
    /// </summary>
    public void RejectUnknownKeys(IReadOnlyList<string> allowed, IReadOnlyCollection<string>? knownElsewhere = null, string? owner = null)
    {
        foreach (var (name, (key, _)) in _fields)
        {
            if (allowed.Contains(name))
            {
                continue;
            }

            var allowedList = YamlValueText.List(allowed);
            _errors.Add(key, PathOf(name), knownElsewhere?.Contains(name) == true
                ? $"does not apply to {owner}; allowed keys: {allowedList}"
                : $"unknown key {YamlValueText.Quote(name)}{Suggestion.DidYouMean(name, allowed)}; allowed keys: {allowedList}");
        }
    }

    /// <summary>Reports a missing field at the start of its mapping, where it should be added.</summary>
    public void Require(string key, string message)
    {
        if (!Has(key))
        {
            _errors.Add(_node, PathOf(key), message);
        }
    }

    /// <summary>Reports a problem with the value of a present field, at that value.</summary>
    public void Invalid(string key, string message) => _errors.Add(_fields[key].Value, PathOf(key), message);

    public YamlNode? Node(string key) => _fields.TryGetValue(key, out var field) ? field.Value : null;

    public string? Text(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Invalid(key, $"expected a text value, got {YamlValueText.Describe(node)}");
        return null;
    }

    /// <summary>A name shown on the wall and stored as a tag: not empty, no control characters, no spaces around it.</summary>
    public string? Name(string key)
    {
        var text = Text(key);
        var problem = NameProblem(text);
        if (problem is not null)
        {
            Invalid(key, problem);
            return null;
        }

        return text;
    }

    public static string? NameProblem(string? text) => text switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(text) => "must not be empty",
        _ when text.Any(char.IsControl) => $"must not contain control characters (line breaks, tabs…), got {YamlValueText.Quote(text)}",
        _ when text.Trim() != text => $"must not start or end with spaces, got {YamlValueText.Quote(text)}",
        _ => null,
    };

    /// <param name="expected">Completes "expected …", e.g. "a port number from 1 to 65535".</param>
    public int? Integer(string key, int minimum, int maximum, string expected)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        Invalid(key, $"expected {expected}, got {YamlValueText.Quote(text)}");
        return null;
    }

    /// <param name="accept">Whether a finite number is in range.</param>
    /// <param name="expected">Completes "expected …", e.g. "a number greater than 0".</param>
    public double? Number(string key, Func<double, bool> accept, string expected)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && accept(value))
        {
            return value;
        }

        Invalid(key, $"expected {expected}, got {YamlValueText.Quote(text)}");
        return null;
    }

    public double? PositiveNumber(string key) => Number(key, value => value > 0, "a number greater than 0");

    public int? PositiveInteger(string key) => Integer(key, 1, int.MaxValue, "a whole number of at least 1");

    public bool? Boolean(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Invalid(key, $"expected true or false, got {YamlValueText.Quote(text)}");
        return null;
    }

    public TimeSpan? Duration(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out var duration))
        {
            Invalid(key, $"expected a duration such as {DurationText.Examples}, got {YamlValueText.Quote(text)}");
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            Invalid(key, $"expected a duration greater than zero, got {YamlValueText.Quote(text)}");
            return null;
        }

        return duration;
    }

    /// <summary>An absolute http:// or https:// URL; null after reporting anything else.</summary>
    public Uri? HttpUrl(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        Invalid(key, $"expected an absolute http:// or https:// URL, got {YamlValueText.Quote(text)}");
        return null;
    }

    /// <summary>
    /// A list of names, each with its own path for errors (<c>tags[1]</c>); with <paramref name="acceptSingle"/> a
    /// lone name stands for a list of one. Null when absent, or after reporting an item that is no name.
    /// </summary>
    public IReadOnlyList<NamedItem>? Names(string key, bool acceptSingle = false)
    {
        if (acceptSingle && Node(key) is YamlScalarNode single)
        {
            return Name(key) is { } name ? [new NamedItem(name, single, PathOf(key))] : null;
        }

        if (List(key) is not { } list)
        {
            return null;
        }

        var names = new List<NamedItem>();
        for (var index = 0; index < list.Children.Count; index++)
        {
            var item = list.Children[index];
            var path = $"{PathOf(key)}[{index}]";
            if (item is not YamlScalarNode scalar)
            {
                _errors.Add(item, path, $"expected a text value, got {YamlValueText.Describe(item)}");
            }
            else if (NameProblem(scalar.Value ?? "") is { } problem)
            {
                _errors.Add(item, path, problem);
            }
            else
            {
                names.Add(new NamedItem(scalar.Value!, item, path));
            }
        }

        return names.Count == list.Children.Count ? names : null;
    }

    /// <summary>
    /// The entries of an optional list, each read by <paramref name="read"/> with its path (<c>routes[2]</c>), leaving
    /// out those it refuses. A key with nothing after it (every entry commented out) is an empty list, not a mistake.
    /// </summary>
    public List<T> Entries<T>(string key, Func<YamlNode, string, T?> read)
        where T : class
    {
        var entries = new List<T>();
        if (Node(key) is YamlScalarNode { Value: null or "" } || List(key) is not { } list)
        {
            return entries;
        }

        for (var index = 0; index < list.Children.Count; index++)
        {
            if (read(list.Children[index], $"{PathOf(key)}[{index}]") is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Reports a problem with the mapping as a whole, at its start.</summary>
    public void InvalidMapping(string message) => _errors.Add(_node, Path, message);

    public MappingFields? Mapping(string key) => Node(key) is { } node ? Read(node, PathOf(key), _errors) : null;

    public YamlSequenceNode? List(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Invalid(key, $"expected a list, got {YamlValueText.Describe(node)}");
        return null;
    }
}
