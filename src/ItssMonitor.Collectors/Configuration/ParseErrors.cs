using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Collects every problem of one monitoring file, so the operator can fix them all in one go.</summary>
internal sealed class ParseErrors(string file)
{
    private readonly List<ConfigurationError> _errors = [];

    public int Count => _errors.Count;

    public void Add(Mark at, string path, string message) => _errors.Add(new ConfigurationError(file, (int)at.Line, (int)at.Column, path, message));

    public void Add(YamlNode at, string path, string message) => Add(at.Start, path, message);

    /// <summary>Ordered by position; errors found later about earlier places (duplicates) slot in where they point.</summary>
    public IReadOnlyList<ConfigurationError> InFileOrder() => [.. _errors.OrderBy(error => error.Line).ThenBy(error => error.Column)];
}
