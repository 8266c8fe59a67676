namespace ItssMonitor.Collectors.Scheduling;

/// <summary>The ownership of a node that runs every check itself: an agent, or a server not registered in a cluster.</summary>
public sealed class SoleNodeOwnership : ICheckOwnership
{
    public bool Owns(string service, string check) => true;
}
