namespace ItssMonitor.Core.Samples;

/// <summary>The tags that identify a series of <see cref="CheckSample"/>s.</summary>
public readonly record struct SeriesKey(string Service, string Check, string Kind, string Location);
