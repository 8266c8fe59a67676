using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>One name of a list in the monitoring file, with where it is, so a check on it can point at it.</summary>
internal sealed record NamedItem(string Name, YamlNode Node, string Path);
