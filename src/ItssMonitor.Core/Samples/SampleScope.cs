namespace ItssMonitor.Core.Samples;

/// <summary>What a statistic is computed over: a whole service, or one of its checks.</summary>
public sealed record SampleScope(string Service, string? Check = null)
{
    public static SampleScope ForService(string service) => new(service);

    public static SampleScope ForCheck(string service, string check) => new(service, check);
}
