namespace ItssMonitor.Collectors.Scheduling;

/// <summary>
/// Whether this node runs a check. The scheduler asks at each of the check's slots, so a check whose owner changes
/// runs on its new owner from its next slot on.
/// </summary>
public interface ICheckOwnership
{
    bool Owns(string service, string check);
}
